import { processorOptions, QUEUES, RenderingJob } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RenderingService } from './rendering.service';

/**
 * One rendering at a time per worker process (LibreOffice is heavy). The lock settings are every
 * processor's (WORKER_LOCK_MS, WORKER_STALLED_MS): BullMQ renews the lock while a conversion runs.
 */
@Processor(QUEUES.rendering, processorOptions(1))
export class RenderingProcessor extends WorkerHost {
  constructor(private readonly service: RenderingService) {
    super();
  }

  process(job: Job<RenderingJob>) {
    return this.service.render(job.data.revisionId);
  }
}
