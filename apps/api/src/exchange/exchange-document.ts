import type { ExchangeChange, ExchangeDocument, ExchangeFigure, ExchangeFigures, FigureExportRow } from '@app/contracts';
import type { ApprovedPeriodFigureRow } from '@app/database';
import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const key = (f: { reportingUnit: { code: string } | string; indicatorCode: string }) =>
  `${typeof f.reportingUnit === 'string' ? f.reportingUnit : f.reportingUnit.code}\u0000${f.indicatorCode}`;
const FIELDS = ['value', 'cumulative', 'planPct', 'samePeriodPct'] as const;
const figuresOf = (f: ExchangeFigures): ExchangeFigures => ({ value: f.value, cumulative: f.cumulative, planPct: f.planPct, samePeriodPct: f.samePeriodPct });

export function exchangeFigures(rows: FigureExportRow[], sources: ApprovedPeriodFigureRow[]): ExchangeFigure[] {
  return rows.map((r, i) => ({
    indicatorCode: r.indicatorCode,
    indicatorName: r.indicatorName,
    unitOfMeasure: r.unitOfMeasure,
    reportingUnit: { code: r.unitCode, name: r.unitName },
    ...figuresOf(r),
    samePeriodStyle: r.samePeriodStyle,
    source: { submissionId: r.submissionId, approvedAt: sources[i].approvedAt?.toISOString() ?? null },
  }));
}

/**
 * The digest that decides whether a new version is due: the figures alone, by unit and indicator
 * (a re-approval that changes no figure is not a new version).
 */
export function figuresDigest(figures: ExchangeFigure[]): string {
  const lines = figures.map((f) => [f.reportingUnit.code, f.indicatorCode, ...FIELDS.map((k) => f[k] ?? '')].join('\t')).sort();
  return sha256(lines.join('\n'));
}

/** What changed from the previous version's figures to these: added, removed, changed (with before and after). */
export function diffFigures(before: ExchangeFigure[], after: ExchangeFigure[]): ExchangeChange[] {
  const old = new Map(before.map((f) => [key(f), f]));
  const changes: ExchangeChange[] = [];
  for (const f of after) {
    const was = old.get(key(f));
    old.delete(key(f));
    if (!was) changes.push({ kind: 'added', reportingUnit: f.reportingUnit.code, indicatorCode: f.indicatorCode, before: null, after: figuresOf(f) });
    else if (FIELDS.some((k) => was[k] !== f[k])) {
      changes.push({ kind: 'changed', reportingUnit: f.reportingUnit.code, indicatorCode: f.indicatorCode, before: figuresOf(was), after: figuresOf(f) });
    }
  }
  for (const f of old.values()) changes.push({ kind: 'removed', reportingUnit: f.reportingUnit.code, indicatorCode: f.indicatorCode, before: figuresOf(f), after: null });
  return changes;
}

/** The document as stored and served: two-space JSON with a final newline, and its SHA-256. */
export function serialise(doc: ExchangeDocument): { body: string; sha256: string } {
  const body = `${JSON.stringify(doc, null, 2)}\n`;
  return { body, sha256: sha256(body) };
}
