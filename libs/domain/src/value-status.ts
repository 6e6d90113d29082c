/**
 * What a figure is worth: an estimate ("ước" — the current month, the six-month and annual reports
 * sent before the period ends), a preliminary figure ("sơ bộ") or the official one ("chính thức",
 * announced later by the statistics office or the finance department). The same period may carry
 * an estimate first and its official figure months later: that is a new approved version of the
 * figure (a figure revision), and the report that next prints it says so.
 */
export const VALUE_STATUSES = ['estimate', 'preliminary', 'official'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export function isValueStatus(value: unknown): value is ValueStatus {
  return typeof value === 'string' && (VALUE_STATUSES as readonly string[]).includes(value);
}

/** The word a report or a screen uses. */
export const STATUS_WORD: Record<ValueStatus, string> = { estimate: 'ước', preliminary: 'sơ bộ', official: 'chính thức' };

/** How far each status is from the final figure: a figure made of several is as weak as its weakest part. */
const RANK: Record<ValueStatus, number> = { estimate: 0, preliminary: 1, official: 2 };

/**
 * The status of a figure taken from several months (a sum, a mean): official only when every month
 * is; an estimate as soon as one month is. A month whose status nobody stated counts as an estimate
 * (the current month is, in the real reports: "ước tháng"). No months: null.
 */
export function combinedStatus(statuses: ReadonlyArray<ValueStatus | null | undefined>): ValueStatus | null {
  if (statuses.length === 0) return null;
  let worst: ValueStatus = 'official';
  for (const s of statuses) {
    const status = s ?? 'estimate';
    if (RANK[status] < RANK[worst]) worst = status;
  }
  return worst;
}

/** May a figure of this status be replaced by one of that status as a later version? Never downgraded. */
export function canRevise(from: ValueStatus | null | undefined, to: ValueStatus): boolean {
  return RANK[to] > RANK[from ?? 'estimate'];
}

/** One month of a figure that an official (or preliminary) version replaced after it was first approved. */
export interface RevisedMonth {
  month: number;
  year: number;
  status: ValueStatus;
  /** the value and status it replaced, as they were approved */
  previousValue: string | null;
  previousStatus: ValueStatus | null;
}

/**
 * The footnote a report prints by a figure that holds revised months: "Số liệu tháng 6/2024 là số
 * liệu chính thức (thay số ước đã báo cáo)." — the months grouped by their new status, in order.
 */
export function revisionNote(revised: ReadonlyArray<RevisedMonth>): string | null {
  if (revised.length === 0) return null;
  const sorted = [...revised].sort((a, b) => a.year - b.year || a.month - b.month);
  const groups: string[] = [];
  for (const status of ['official', 'preliminary'] as const) {
    const months = sorted.filter((r) => r.status === status);
    if (months.length === 0) continue;
    const previous = combinedStatus(months.map((r) => r.previousStatus));
    const year = months[months.length - 1].year;
    const sameYear = months.every((r) => r.year === year);
    const names = sameYear ? `${months.map((r) => r.month).join(', ')}/${year}` : months.map((r) => `${r.month}/${r.year}`).join(', ');
    groups.push(`số liệu tháng ${names} là số liệu ${STATUS_WORD[status]} (thay số ${STATUS_WORD[previous ?? 'estimate']} đã báo cáo)`);
  }
  if (groups.length === 0) return null;
  const text = groups.join('; ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}
