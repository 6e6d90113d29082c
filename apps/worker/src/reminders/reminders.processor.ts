import { JOBS, QUEUES, RemindJob } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ReminderScanService, ScanResult } from './reminder-scan.service';
import { RemindOutcome, ReminderSender } from './reminder-sender.service';

/** The reminders queue: the repeating scan, and one job per reminder. Errors are thrown, so BullMQ retries. */
/** Its queue and worker options: `processors.ts`. */
@Injectable()
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly scanner: ReminderScanService,
    private readonly sender: ReminderSender,
  ) {
    super();
  }

  async process(job: Job): Promise<ScanResult | RemindOutcome> {
    if (job.name === JOBS.scan) return this.scanner.scan();
    if (job.name === JOBS.remind) return this.sender.remind(job.data as RemindJob);
    throw new Error(`Không có xử lý cho việc "${job.name}" trên hàng đợi ${QUEUES.reminders}`);
  }
}
