import { AppConfig, InjectConfig } from '@app/config';
import { deleteHandledOutboxEvents, findStuckConsolidations, findStuckEmails, findStuckOutboxEvents, findStuckRenderings } from '@app/database';
import { ConsolidationJob, EmailJob, EventJob, jobIds, JOBS, OutboxEventType, QUEUES, redriveJob, Redriven, RenderingJob } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { RELAY_QUEUE } from '../outbox/outbox-relay.service';

export interface SweepResult {
  /** jobs added or replaced, per kind of work */
  redriven: { events: number; consolidations: number; renderings: number; emails: number };
  /** handled outbox rows deleted (retention) */
  prunedOutbox: number;
  /** the oldest stuck item's age when it passed STUCK_ALERT_AFTER_MS (an alert was logged), else null */
  alertSince: string | null;
}

/**
 * Postgres is the truth and BullMQ only the transport: the sweeper looks in Postgres for work
 * whose effect is missing past STUCK_AFTER_MS — an outbox event whose handlers have not run, a
 * period approved in full without its consolidated revision, a signed or issued revision without
 * its documents, an e-mail still pending — and re-drives its job (the same deterministic job id,
 * so a job still alive in Redis is left alone). A job lost with Redis, or that gave up after its
 * last attempt during a long outage, is thus run again. It also prunes handled outbox rows and
 * logs an alert while anything stays stuck past STUCK_ALERT_AFTER_MS.
 */
@Injectable()
export class SweeperService {
  private readonly logger = new Logger(SweeperService.name);
  private lastAlert: { key: string; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    @Inject(RELAY_QUEUE) private readonly events: Queue<EventJob>,
    @InjectQueue(QUEUES.consolidation) private readonly consolidation: Queue<ConsolidationJob>,
    @InjectQueue(QUEUES.rendering) private readonly rendering: Queue<RenderingJob>,
    @InjectQueue(QUEUES.notifications) private readonly notifications: Queue<EmailJob>,
  ) {}

  async sweep(): Promise<SweepResult> {
    const after = this.config.STUCK_AFTER_MS;
    const count = (outcomes: Redriven[]) => outcomes.filter((o) => o !== 'in-progress').length;
    const [outbox, consolidations, renderings, emails] = await Promise.all([
      findStuckOutboxEvents(this.db, after),
      findStuckConsolidations(this.db, after),
      findStuckRenderings(this.db, after),
      findStuckEmails(this.db, after),
    ]);
    const redriven = {
      // an event not yet queued is the relay's (it waits for Redis); one queued and unhandled is re-driven
      events: count(await this.each(outbox.filter((e) => e.dispatched), (e) =>
        redriveJob(this.events, e.type, { outboxId: e.id, type: e.type as OutboxEventType, payload: e.payload as EventJob['payload'] }, jobIds.event(e.id), after))),
      consolidations: count(await this.each(consolidations, (c) =>
        redriveJob(this.consolidation, 'consolidate', { periodId: c.periodId, trigger: c.trigger, actorId: null }, jobIds.consolidation(c.periodId, c.trigger), after))),
      renderings: count(await this.each(renderings, (r) =>
        redriveJob(this.rendering, 'render', { revisionId: r.revisionId }, jobIds.rendering(r.revisionId, r.as), after))),
      emails: count(await this.each(emails.filter((e) => e.status === 'pending'), (e) =>
        redriveJob(this.notifications, JOBS.email, { deliveryId: e.deliveryId }, jobIds.email(e.deliveryId), after))),
    };
    const total = Object.values(redriven).reduce((a, b) => a + b, 0);
    if (total > 0) this.logger.warn(`Đã chạy lại việc bị kẹt (re-driven): ${JSON.stringify(redriven)}`);
    const prunedOutbox = await deleteHandledOutboxEvents(this.db, this.config.OUTBOX_RETENTION_DAYS);

    const oldest = [...outbox, ...consolidations, ...renderings, ...emails].map((x) => new Date(x.since).getTime()).sort((a, b) => a - b)[0];
    const alerting = oldest !== undefined && Date.now() - oldest > this.config.STUCK_ALERT_AFTER_MS;
    if (alerting) this.alert({ outbox: outbox.length, consolidations: consolidations.length, renderings: renderings.length, emails: emails.length }, new Date(oldest));
    else this.lastAlert = null;
    return { redriven, prunedOutbox, alertSince: alerting ? new Date(oldest).toISOString() : null };
  }

  /** One after another: a sweep is small, and Redis is spared a burst. */
  private async each<T>(items: T[], fn: (item: T) => Promise<Redriven>): Promise<Redriven[]> {
    const out: Redriven[] = [];
    for (const item of items) out.push(await fn(item));
    return out;
  }

  /** The log alert: level error, once per change in what is stuck and at least hourly while it lasts. */
  private alert(counts: Record<string, number>, since: Date): void {
    const key = JSON.stringify(counts);
    const now = Date.now();
    if (this.lastAlert && this.lastAlert.key === key && now - this.lastAlert.at < 3_600_000) return;
    this.lastAlert = { key, at: now };
    this.logger.error(
      `CẢNH BÁO: có việc bị kẹt từ ${since.toISOString()} (stuck work alert): ${key} — xem /api/admin/stuck hoặc màn hình "Việc bị kẹt".`,
    );
  }
}
