import { formatNumber, numberLine } from '@app/domain';
import type { FigureField, ReportRevisionSummary, ReportSummary, Role } from '@app/contracts';

export const PERCENT_FIELDS: ReadonlySet<FigureField> = new Set(['planPct', 'samePeriodChangePct', 'samePeriodRatioPct']);

/** The exact value a figure was printed from, the Vietnamese way: "710,83", "55,4952%". */
export function sourceValue(field: FigureField, value: string): string {
  const text = formatNumber(value);
  return PERCENT_FIELDS.has(field) ? `${text}%` : text;
}

export function latestRevision(r: Pick<ReportSummary, 'revisions'>): ReportRevisionSummary | null {
  return r.revisions.length ? r.revisions[r.revisions.length - 1] : null;
}

/** What the signed-in person may do with the report now (the API checks again). */
export function allowed(r: Pick<ReportSummary, 'state' | 'revisions'>, role: Role) {
  const hasRevision = r.revisions.length > 0;
  return {
    edit: role === 'reviewer' && r.state === 'drafting' && hasRevision,
    send: role === 'reviewer' && r.state === 'drafting' && hasRevision,
    consolidate: role === 'reviewer' && r.state === 'drafting',
    sign: role === 'signer' && r.state === 'awaiting_signature',
    return: role === 'signer' && r.state === 'awaiting_signature',
    /** the records office issues what the signer signed (once the worker has applied his signature) */
    issue: role === 'clerk' && r.state === 'signed',
    /** the office corrects a signed report (withdrawn) or an issued one (replaced when the replacement is issued) */
    correct: role === 'reviewer' && (r.state === 'signed' || r.state === 'issued'),
    verify: r.state === 'signed' || r.state === 'issued' || r.state === 'replaced',
  };
}

/** "Số: 01/BC-UBND" once issued. */
export function documentLine(r: Pick<ReportSummary, 'documentNumber'>, suffix = 'BC-UBND'): string | null {
  return r.documentNumber ? numberLine(r.documentNumber, suffix) : null;
}

/** The last comment the signer returned the report with, while it is back with the office. */
export function lastReturn(r: Pick<ReportSummary, 'state' | 'actions'>): { revision: number; comment: string } | null {
  if (r.state !== 'drafting') return null;
  const last = r.actions[r.actions.length - 1];
  return last?.action === 'return' ? { revision: last.revisionNumber, comment: last.comment ?? '' } : null;
}

/** Revisions to compare by default: the one before the latest, and the latest. */
export function defaultDiff(r: Pick<ReportSummary, 'revisions'>): { from: number; to: number } | null {
  const n = r.revisions.map((x) => x.number);
  return n.length >= 2 ? { from: n[n.length - 2], to: n[n.length - 1] } : null;
}
