import { ConsolidationJob, QUEUES } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { ConsolidationOutcome, ConsolidationService } from './consolidation.service';

/** One consolidation at a time per worker: each reads every approved submission of a period. */
// a job whose worker died is picked up again once its lock lapses (tests shorten both)
@Processor(QUEUES.consolidation, {
  concurrency: 1,
  lockDuration: Number(process.env.BULLMQ_LOCK_MS ?? 30_000),
  stalledInterval: Number(process.env.BULLMQ_STALLED_MS ?? 30_000),
})
export class ConsolidationProcessor extends WorkerHost {
  constructor(private readonly service: ConsolidationService) {
    super();
  }

  process(job: Job<ConsolidationJob>): Promise<ConsolidationOutcome> {
    return this.service.consolidate(job.data);
  }
}
