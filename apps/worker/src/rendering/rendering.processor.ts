import { RenderingJob } from '@app/queue';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RenderingService } from './rendering.service';

/**
 * One rendering at a time per worker process (LibreOffice is heavy); its queue, concurrency and lock
 * (WORKER_LOCK_MS, WORKER_STALLED_MS: BullMQ renews the lock while a conversion runs) are in `processors.ts`.
 */
@Injectable()
export class RenderingProcessor extends WorkerHost {
  private readonly logger = new Logger(RenderingProcessor.name);

  constructor(private readonly service: RenderingService) {
    super();
  }

  process(job: Job<RenderingJob>) {
    return this.service.render(job.data.revisionId);
  }

  /**
   * A rendering or a signature that fails is retried by BullMQ; the log says why (a missing key,
   * pdftotext, LibreOffice). A signed or issued one is retried until it succeeds, each failure an alert.
   */
  @OnWorkerEvent('failed')
  onFailed(job: Job<RenderingJob> | undefined, error: Error): void {
    const untilDone = (job?.opts.attempts ?? 0) > 1_000;
    const what = `Tạo tệp của bản ${job?.data.revisionId ?? '?'} thất bại (lần ${job?.attemptsMade ?? '?'}): ${error.message}`;
    this.logger.error(untilDone ? `CẢNH BÁO (alert): văn bản đã ký chưa tạo được, sẽ thử lại đến khi được — ${what}` : what);
  }
}
