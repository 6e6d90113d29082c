import { AppConfig, InjectConfig } from '@app/config';
import type { HealthView, StuckCount, StuckWorkView } from '@app/contracts';
import { findPeriodHeading, findStuckConsolidations, findStuckEmails, findStuckOutboxEvents, findStuckRenderings } from '@app/database';
import { periodLabel } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueHandles } from '../queues/queues.module';

const iso = (d: Date | string | number) => new Date(d).toISOString();

/** What waits past STUCK_AFTER_MS, read from Postgres (the same queries the worker's sweeper re-drives from). */
@Injectable()
export class StuckWorkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly queues: QueueHandles,
  ) {}

  private read() {
    const after = this.config.STUCK_AFTER_MS;
    return Promise.all([
      findStuckOutboxEvents(this.db, after),
      findStuckConsolidations(this.db, after),
      findStuckRenderings(this.db, after),
      findStuckEmails(this.db, after),
    ]);
  }

  /** The counts and the oldest of each kind, for /api/health. */
  async summary(): Promise<NonNullable<HealthView['stuck']>> {
    const [outbox, consolidations, renderings, emails] = await this.read();
    const count = (items: Array<{ since: Date }>): StuckCount => ({
      count: items.length,
      since: items.length ? iso(items.map((i) => new Date(i.since).getTime()).reduce((a, b) => Math.min(a, b))) : null,
    });
    return {
      outbox: count(outbox),
      consolidations: count(consolidations),
      renderings: count(renderings),
      emails: count(emails.filter((e) => e.status === 'pending')),
      failedEmails: count(emails.filter((e) => e.status === 'failed')),
    };
  }

  /** Every stuck item, for the administrator's screen. */
  async list(): Promise<StuckWorkView> {
    const [outbox, consolidations, renderings, emails] = await this.read();
    const labels = new Map<string, string>();
    for (const c of consolidations) {
      const p = await findPeriodHeading(this.db, c.periodId);
      labels.set(c.periodId, p ? periodLabel(p.type, p.year, p.number) : c.periodId);
    }
    const redis = await this.queues.redisStatus();
    return {
      generatedAt: new Date().toISOString(),
      stuckAfterMs: this.config.STUCK_AFTER_MS,
      redis,
      redisDownSince: this.queues.redisDownSince?.toISOString() ?? null,
      outbox: outbox.map((e) => ({ id: e.id, type: e.type, since: iso(e.since), dispatched: e.dispatched })),
      consolidations: consolidations.map((c) => ({ periodId: c.periodId, periodLabel: labels.get(c.periodId)!, since: iso(c.since) })),
      renderings: renderings.map((r) => ({ ...r, since: iso(r.since) })),
      emails: emails.map((e) => ({ ...e, since: iso(e.since) })),
    };
  }
}
