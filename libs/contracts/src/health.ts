/** One kind of stuck work in the health answer: how many, and since when the oldest waits. */
export interface StuckCount {
  count: number;
  /** ISO instant; null when none */
  since: string | null;
}

/** GET /api/health: the dependencies, and what waits past STUCK_AFTER_MS. */
export interface HealthView {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  redis: 'up' | 'down';
  /** since when a dependency that is down has been (ISO), as this process saw it */
  downSince?: { database?: string; redis?: string };
  /** absent while the database is down (it is where stuck work is read from) */
  stuck?: { outbox: StuckCount; consolidations: StuckCount; renderings: StuckCount; emails: StuckCount; failedEmails: StuckCount };
}

/** GET /api/admin/stuck (Việc bị kẹt): each item whose effect is missing, and since when. */
export interface StuckWorkView {
  generatedAt: string;
  stuckAfterMs: number;
  redis: 'up' | 'down';
  redisDownSince: string | null;
  outbox: Array<{ id: string; type: string; since: string; dispatched: boolean }>;
  consolidations: Array<{ periodId: string; periodLabel: string; since: string }>;
  renderings: Array<{ revisionId: string; reportId: string; as: 'draft' | 'signed' | 'issued'; awaitingLibreOffice: boolean; since: string }>;
  emails: Array<{ deliveryId: string; to: string; status: 'pending' | 'failed'; attempts: number; lastError: string | null; since: string }>;
}
