import { findApprovalSetTrigger } from '@app/database';
import { ConsolidationJob, EventJob, jobIds, OutboxEvents, QUEUES } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { EventHandler } from '../events/event-handler';

/**
 * Starts a consolidation when the last required submission of a period is approved, when a
 * reviewer asks for a draft, and when a correction supersedes a signed report. The job id is
 * derived from the event, so a redelivered event adds nothing.
 */
@Injectable()
export class ConsolidationTriggerHandler implements EventHandler {
  readonly handles = ['submission.approved', 'consolidation.requested', 'report.correction_started'] as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.consolidation) private readonly queue: Queue<ConsolidationJob>,
  ) {}

  async handle(event: EventJob): Promise<void> {
    let job: ConsolidationJob | null = null;
    if (event.type === 'submission.approved') {
      const p = event.payload as OutboxEvents['submission.approved'];
      // every approval event seen after the set is complete names the same set: one trigger, one revision
      // (the sweeper computes the same trigger for a period whose consolidation went missing)
      const trigger = await findApprovalSetTrigger(this.db, p.periodId);
      if (trigger) job = { periodId: p.periodId, trigger, actorId: p.actorId };
    } else if (event.type === 'consolidation.requested') {
      const p = event.payload as OutboxEvents['consolidation.requested'];
      job = { periodId: p.periodId, trigger: `request:${p.requestId}`, actorId: p.actorId };
    } else if (event.type === 'report.correction_started') {
      const p = event.payload as OutboxEvents['report.correction_started'];
      job = { periodId: p.periodId, trigger: `correction:${p.supersededReportId}`, actorId: p.actorId };
    }
    if (job) await this.queue.add('consolidate', job, { jobId: jobIds.consolidation(job.periodId, job.trigger) });
  }
}
