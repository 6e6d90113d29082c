import { RenderingJob } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RenderingService } from './rendering.service';

/**
 * One rendering at a time per worker process (LibreOffice is heavy); its queue, concurrency and lock
 * (WORKER_LOCK_MS, WORKER_STALLED_MS: BullMQ renews the lock while a conversion runs) are in `processors.ts`.
 */
@Injectable()
export class RenderingProcessor extends WorkerHost {
  constructor(private readonly service: RenderingService) {
    super();
  }

  process(job: Job<RenderingJob>) {
    return this.service.render(job.data.revisionId);
  }
}
