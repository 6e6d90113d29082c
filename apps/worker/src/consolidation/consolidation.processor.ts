import { ConsolidationJob } from '@app/queue';
import { WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ConsolidationOutcome, ConsolidationService } from './consolidation.service';

/**
 * One consolidation at a time per worker process: each reads every approved submission of a period.
 * A job whose worker died is picked up again once its lock lapses (WORKER_LOCK_MS).
 */
/** Its queue and worker options: `processors.ts`. */
@Injectable()
export class ConsolidationProcessor extends WorkerHost {
  constructor(private readonly service: ConsolidationService) {
    super();
  }

  process(job: Job<ConsolidationJob>): Promise<ConsolidationOutcome> {
    return this.service.consolidate(job.data);
  }
}
