import { AppConfig, InjectConfig } from '@app/config';
import { jobIds, JOBS, QUEUES, SCAN_JOB_OPTIONS } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

/**
 * The sweep repeats as a BullMQ job scheduler (every worker upserts the same id: one sweep per
 * tick however many workers run). A worker started while Redis is away upserts it once Redis is
 * back, without holding up the start.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SweepScheduler.name);

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.SWEEP_EVERY_MS;
    if (every <= 0) return;
    this.queue
      .upsertJobScheduler(jobIds.sweepScheduler, { every }, { name: JOBS.sweep, data: {}, opts: SCAN_JOB_OPTIONS })
      .then(() => this.logger.log(`Quét việc bị kẹt mỗi ${Math.round(every / 1000)} giây.`))
      .catch((error: Error) => this.logger.warn(`Chưa đặt được lịch quét việc bị kẹt: ${error.message}`));
  }
}
