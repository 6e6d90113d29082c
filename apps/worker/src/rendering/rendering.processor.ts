import { QUEUES, RenderingJob } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RenderingService } from './rendering.service';

@Processor(QUEUES.rendering, { concurrency: 1 })
export class RenderingProcessor extends WorkerHost {
  constructor(private readonly service: RenderingService) {
    super();
  }

  process(job: Job<RenderingJob>) {
    return this.service.render(job.data.revisionId);
  }
}
