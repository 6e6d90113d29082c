import { Dec, dec, formatNumber } from '@app/domain';

type Num = number | string | Dec | null | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' or an ISO timestamp → "16/05/2024" (local calendar day). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "16/05/2024 14:05" */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Calendar days from today to a 'YYYY-MM-DD' deadline: 0 on the day, negative once past. */
export function daysUntil(deadline: string, now: Date = new Date()): number {
  const [y, m, d] = deadline.slice(0, 10).split('-').map(Number);
  const due = Date.UTC(y, m - 1, d);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((due - today) / 86_400_000);
}

/** The end of the deadline day in local time: a submission made during that day is on time. */
export function deadlineEnd(deadline: string): Date {
  const [y, m, d] = deadline.slice(0, 10).split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999);
}

/** Vietnamese figure, "" when absent; rounded here, at the edge, when decimals are given. */
export function fmtNum(value: Num, decimals?: number | null): string {
  if (value === null || value === undefined || value === '') return '';
  return formatNumber(value, decimals === null || decimals === undefined ? {} : { decimals });
}

/** A figure shown with at most `max` decimals (cumulatives, bases): 1.234,57 rather than 1.234,5678. */
export function fmtFigure(value: Num, decimals: number | null | undefined, max = 2): string {
  if (value === null || value === undefined || value === '') return '';
  const d = dec(value instanceof Dec ? value : String(value));
  const places = decimals ?? Math.min(d.decimalPlaces(), max);
  return formatNumber(d, { decimals: places });
}

/** "97,8%" */
export function fmtPct(value: Num, decimals = 1): string {
  return value === null || value === undefined ? '' : `${formatNumber(value, { decimals })}%`;
}

/** A change in percent with its sign: "+5,2%", "−3,1%", "0,0%". */
export function fmtChange(value: Num, decimals = 1): string {
  if (value === null || value === undefined) return '';
  const d = dec(value instanceof Dec ? value : String(value));
  const text = formatNumber(d.abs(), { decimals });
  if (/^[0,]+$/.test(text)) return `${text}%`;
  return `${d.isNegative() ? '−' : '+'}${text}%`;
}
