import {
  findApprovalSetTrigger,
  findCurrentReportOf,
  findLongerPeriodsOfMonth,
  findPeriodKey,
  findPeriodsPrintingMonth,
  findUnitName,
  flagReportStale,
  hasRevisionOfTrigger,
  wasReopened,
} from '@app/database';
import { periodLabel, PeriodType } from '@app/domain';
import { Clock, CLOCK, ConsolidationJob, EventJob, jobIds, OutboxEvents, QUEUES } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { EventHandler } from '../events/event-handler';

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Starts a consolidation when the last required submission of a period is approved, when a
 * reviewer asks for a draft, and when a correction supersedes a signed report. A month's figures
 * also feed the longer periods of its year: when the months a quarter, six months, nine months or
 * year needs are all approved (again, after a correction), its draft is consolidated again; when a
 * later version of approved figures (an official figure) is approved, every report that prints them
 * is consolidated again if it is a draft, or flagged stale if it already left drafting. The job id
 * is derived from the event, so a redelivered event adds nothing.
 */
@Injectable()
export class ConsolidationTriggerHandler implements EventHandler {
  readonly handles = ['submission.approved', 'consolidation.requested', 'report.correction_started', 'figures.revised'] as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.consolidation) private readonly queue: Queue<ConsolidationJob>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: EventJob): Promise<void> {
    const jobs: ConsolidationJob[] = [];
    if (event.type === 'submission.approved') {
      const p = event.payload as OutboxEvents['submission.approved'];
      // every approval event seen after the set is complete names the same set: one trigger, one revision
      // (the sweeper computes the same trigger for a period whose consolidation went missing)
      const trigger = await findApprovalSetTrigger(this.db, p.periodId);
      if (trigger) {
        jobs.push({ periodId: p.periodId, trigger, actorId: p.actorId });
        jobs.push(...(await this.longerPeriodsOf(p.periodId, p.submissionId, p.actorId)));
      }
    } else if (event.type === 'consolidation.requested') {
      const p = event.payload as OutboxEvents['consolidation.requested'];
      jobs.push({ periodId: p.periodId, trigger: `request:${p.requestId}`, actorId: p.actorId });
    } else if (event.type === 'report.correction_started') {
      const p = event.payload as OutboxEvents['report.correction_started'];
      jobs.push({ periodId: p.periodId, trigger: `correction:${p.supersededReportId}`, actorId: p.actorId });
    } else if (event.type === 'figures.revised') {
      jobs.push(...(await this.figuresRevised(event.payload as OutboxEvents['figures.revised'])));
    }
    for (const job of jobs) await this.queue.add('consolidate', job, { jobId: jobIds.consolidation(job.periodId, job.trigger) });
  }

  /** A month complete again: the longer periods whose months are now all approved are consolidated (again). */
  private async longerPeriodsOf(periodId: string, submissionId: string, actorId: string): Promise<ConsolidationJob[]> {
    const period = await findPeriodKey(this.db, periodId);
    if (!period || period.type !== 'month') return [];
    const longer = await findLongerPeriodsOfMonth(this.db, period.year, period.number);
    const jobs = longer.filter((l) => l.ready).map((l) => ({ periodId: l.id, trigger: `months:${digest(l.versions)}`, actorId }));
    // a correction of the month after approval: a longer report that left drafting printed the old figures
    if (longer.length && (await wasReopened(this.db, submissionId))) {
      const reason = `Số liệu tháng ${period.number}/${period.year} được đính chính và duyệt lại sau khi báo cáo này đã rời bản dự thảo.`;
      const now = await this.clock.now();
      for (const l of longer) {
        const trigger = l.ready ? `months:${digest(l.versions)}` : null;
        await this.flagIfStale(l.id, trigger, reason, now);
      }
    }
    return jobs;
  }

  /** An official figure approved: drafts that print it are consolidated again, the others flagged. */
  private async figuresRevised(p: OutboxEvents['figures.revised']): Promise<ConsolidationJob[]> {
    const period = await findPeriodKey(this.db, p.periodId);
    if (!period) return [];
    const unit = await findUnitName(this.db, p.unitId);
    const trigger = `revised:${digest(p.revisionIds.join(','))}`;
    const reason = `Số liệu chính thức của ${unit} (${periodLabel(period.type as PeriodType, period.year, period.number)}) được duyệt sau khi báo cáo này đã rời bản dự thảo.`;
    return this.redraftOrFlag(period.year, period.number, period.type, p.periodId, reason, trigger, p.actorId);
  }

  /**
   * The reports that print a period's figures — a month's: the month's and its year's longer periods
   * (a longer period's own figures: its own) — drafts consolidated again under `trigger`, the others
   * flagged stale.
   */
  private async redraftOrFlag(year: number, number: number, type: string, periodId: string, reason: string, trigger: string, actorId: string): Promise<ConsolidationJob[]> {
    const printing = type === 'month' ? (await findPeriodsPrintingMonth(this.db, year, number)).map((p) => p.period_id) : [periodId];
    const jobs: ConsolidationJob[] = [];
    const now = await this.clock.now();
    for (const id of printing) if (await this.flagIfStale(id, trigger, reason, now)) jobs.push({ periodId: id, trigger, actorId });
    return jobs;
  }

  /**
   * Flags the period's current report stale if it left drafting; true when it is a draft (to
   * consolidate again). A report that already has a revision of `trigger` was consolidated from the
   * very figures the event names (the event handled again, after a stalled job): it is not flagged.
   */
  private async flagIfStale(periodId: string, trigger: string | null, reason: string, now: Date): Promise<boolean> {
    const r = await findCurrentReportOf(this.db, periodId);
    if (!r.report_id || r.report_state === 'superseded' || r.report_state === 'replaced') return false;
    if (r.report_state === 'drafting') return true;
    if (trigger && (await hasRevisionOfTrigger(this.db, r.report_id, trigger))) return false;
    await flagReportStale(this.db, r.report_id, reason, now);
    return false;
  }
}
