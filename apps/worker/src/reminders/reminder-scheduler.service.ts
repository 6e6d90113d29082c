import { jobIds, JOBS, QUEUES, SCAN_JOB_OPTIONS } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { WORKER_SETTINGS, WorkerSettings } from '../worker-settings';

/**
 * The repeating scan, as a BullMQ job scheduler: every worker upserts the same scheduler id, so
 * however many workers run, one scan job is produced per tick.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.scanEveryMs <= 0) return;
    await this.queue.upsertJobScheduler(jobIds.scanScheduler, { every: this.settings.scanEveryMs }, { name: JOBS.scan, data: {}, opts: SCAN_JOB_OPTIONS });
    this.logger.log(`Quét nhắc hạn mỗi ${Math.round(this.settings.scanEveryMs / 1000)} giây.`);
  }
}
