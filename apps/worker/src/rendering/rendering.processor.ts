import { RenderingJob } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { RenderingService } from './rendering.service';

/** Its queue and worker options: `processors.ts`. */
@Injectable()
export class RenderingProcessor extends WorkerHost {
  constructor(private readonly service: RenderingService) {
    super();
  }

  process(job: Job<RenderingJob>) {
    return this.service.render(job.data.revisionId);
  }
}
