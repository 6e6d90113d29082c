import { reminderKey, ReminderKind } from '@app/domain';
import type { JobsOptions } from 'bullmq';

/**
 * Every queue, its job names and their payloads, in one place. Jobs carry ids only: the worker
 * reloads the rows and exits early when the work is already done.
 */
export const QUEUES = {
  /** relayed outbox events fan out from here */
  events: 'events',
  reminders: 'reminders',
  notifications: 'notifications',
  consolidation: 'consolidation',
  rendering: 'rendering',
  /** the sweeper: re-drives from Postgres what lacks its effect, prunes what is kept too long */
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Domain events written to the outbox in the transaction of the change they announce. */
export interface OutboxEvents {
  'submission.submitted': { submissionId: string; periodId: string; unitId: string; actorId: string };
  'submission.returned': { submissionId: string; periodId: string; unitId: string; actorId: string };
  'submission.approved': { submissionId: string; periodId: string; unitId: string; actorId: string };
  'submission.reopened': { submissionId: string; periodId: string; unitId: string; actorId: string };
  /** the unit sent a later version of approved figures: the office is told */
  'figures.revision_submitted': { submissionId: string; periodId: string; unitId: string; revisionIds: string[]; reason: string; actorId: string };
  /** a later version of approved figures (an official figure) was approved: the reports that print them are refreshed or flagged */
  'figures.revised': { submissionId: string; periodId: string; unitId: string; revisionIds: string[]; actorId: string };
  'deadline.extended': { extensionId: string; periodId: string; unitId: string; actorId: string };
  /** the calendar entered for a year moved the unit's deadline (the period's, or its extension's): its officers are told; reason = the decision */
  'deadline.moved': { periodId: string; unitId: string; before: string; after: string; reason: string; actorId: string };
  /** a reviewer asked for a draft now (the draft lists the units still missing) */
  'consolidation.requested': { periodId: string; requestId: string; actorId: string };
  /** a signed report was superseded by a correction: consolidate a new draft */
  'report.correction_started': { periodId: string; reportId: string; supersededReportId: string; actorId: string };
  /** a revision was stored (consolidation or an edit) or signed: render its documents */
  'report.revision_created': { reportId: string; revisionId: string };
  /** signed: the worker renders the document and applies the signer's digital signature */
  'report.signed': { reportId: string; revisionId: string };
  /** issued by the records office (number, date, the body's signature): the issued DOCX, then distribution to "Nơi nhận" */
  'report.issued': { reportId: string; revisionId: string; replacedReportId: string | null; actorId: string };
  /** trình ký / trả lại: the signers, then the office, are told (in-app inbox, e-mail) */
  'report.sent': { reportId: string; periodId: string; revision: number; actorId: string };
  'report.returned': { reportId: string; periodId: string; revision: number; actorId: string };
}

/** A consolidation job: compose the period's report from its approved submissions, once per trigger. */
export interface ConsolidationJob {
  periodId: string;
  /** "approved:<outbox id>", "request:<id>", "correction:<report id>" — one revision per trigger */
  trigger: string;
  actorId: string | null;
}

export interface RenderingJob {
  revisionId: string;
}
export type OutboxEventType = keyof OutboxEvents;

/** The payload of a job on the events queue: one outbox row. */
export interface EventJob<T extends OutboxEventType = OutboxEventType> {
  outboxId: string;
  type: T;
  payload: OutboxEvents[T];
}

/** The retry and retention settings of the configuration (libs/config's AppConfig has them). */
export interface JobPolicySettings {
  JOB_ATTEMPTS: number;
  JOB_BACKOFF_MS: number;
  JOB_COMPLETED_RETENTION_DAYS: number;
  JOB_FAILED_RETENTION_DAYS: number;
}

const DAY_S = 24 * 3600;

/**
 * One retry policy for every job: exponential backoff over hours (JOB_ATTEMPTS from JOB_BACKOFF_MS),
 * completed jobs kept a week, failed ones kept for inspection for a month, then pruned. Every queue
 * gets it as its default job options; the sweeper re-drives from Postgres what still lacks its
 * effect after the last attempt.
 */
export function jobOptions(s: JobPolicySettings): JobsOptions {
  return {
    attempts: s.JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: s.JOB_BACKOFF_MS },
    removeOnComplete: { age: s.JOB_COMPLETED_RETENTION_DAYS * DAY_S, count: 10_000 },
    removeOnFail: { age: s.JOB_FAILED_RETENTION_DAYS * DAY_S },
  };
}

/** The policy with the configuration's defaults (14 attempts from 2 s: about 9 hours). */
export const DEFAULT_JOB_OPTIONS: JobsOptions = jobOptions({ JOB_ATTEMPTS: 14, JOB_BACKOFF_MS: 2_000, JOB_COMPLETED_RETENTION_DAYS: 7, JOB_FAILED_RETENTION_DAYS: 30 });

/** The longest wait between two tries of a job that must succeed (UNTIL_DONE_JOB_OPTIONS). */
export const UNTIL_DONE_MAX_DELAY_MS = 10 * 60_000;

/**
 * A job that must not be given up (the signed or issued document of a report: without it the report
 * cannot be downloaded nor issued): tried again until it succeeds, with the exponential backoff of the
 * policy capped at UNTIL_DONE_MAX_DELAY_MS (a billion attempts, ten minutes apart: longer than any deployment; a number Redis keeps exactly);
 * every failure is logged as an alert by its processor.
 */
export const UNTIL_DONE_JOB_OPTIONS: JobsOptions = { ...DEFAULT_JOB_OPTIONS, attempts: 1_000_000_000, backoff: { type: 'capped', delay: 2_000 } };

/** The workers' backoff for the 'capped' type: 2 s, 4 s, 8 s … up to UNTIL_DONE_MAX_DELAY_MS. */
export function cappedBackoff(attemptsMade: number, _type?: string, _error?: Error, job?: { opts: JobsOptions }): number {
  const base = typeof job?.opts.backoff === 'object' ? (job.opts.backoff.delay ?? 2_000) : 2_000;
  return Math.min(UNTIL_DONE_MAX_DELAY_MS, base * 2 ** Math.min(30, Math.max(0, attemptsMade - 1)));
}

/** Job names on the reminders and notifications queues. */
export const JOBS = {
  /** reads what is due from Postgres and adds one `remind` job per reminder */
  scan: 'scan',
  remind: 'remind',
  email: 'email',
  sweep: 'sweep',
} as const;

/** A scan carries nothing: it asks the clock what day it is. */
export type ScanJob = Record<string, never>;

/** One reminder: a kind, its subject (a submission, or the period for the digest) and its day. */
export interface RemindJob {
  kind: ReminderKind;
  periodId: string;
  submissionId: string | null;
  day: string;
}

/** One e-mail copy of a notification. */
export interface EmailJob {
  deliveryId: string;
}

/** Deterministic job ids: adding the same job twice is a no-op in BullMQ. */
export const jobIds = {
  event: (outboxId: string) => `outbox-${outboxId}`,
  remind: (j: RemindJob) => reminderKey(j.kind, j.submissionId ?? j.periodId, j.day),
  email: (deliveryId: string) => `email-${deliveryId}`,
  scanScheduler: 'reminder-scan',
  sweepScheduler: 'sweep',
  consolidation: (periodId: string, trigger: string) => `consolidation-${periodId}-${trigger.replace(/:/g, '-')}`,
  rendering: (revisionId: string, as: 'draft' | 'signed' | 'issued') => `render-${revisionId}-${as}`,
};

/**
 * The scan repeats: its next run is its retry, so it gets one attempt and a bounded history
 * (its failures are still kept, the last 500, for inspection).
 */
export const SCAN_JOB_OPTIONS: JobsOptions = { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } };

/** The job lock of every processor (WORKER_LOCK_MS, WORKER_STALLED_MS; the crash tests shorten both). */
export interface LockSettings {
  lockDuration: number;
  stalledInterval: number;
}
