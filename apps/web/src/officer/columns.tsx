import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** One set of column widths for the header table and every section table, so they line up. */
export const COLUMNS: Array<{ key: string; label: MessageKey; width?: number; num?: boolean }> = [
  { key: 'name', label: 'form.col.indicator' },
  { key: 'unit', label: 'form.col.unit', width: 74 },
  { key: 'lastMonth', label: 'form.col.lastMonth', width: 96, num: true },
  { key: 'samePeriod', label: 'form.col.samePeriod', width: 104, num: true },
  { key: 'plan', label: 'form.col.plan', width: 96, num: true },
  { key: 'value', label: 'form.col.value', width: 128, num: true },
  { key: 'cumulative', label: 'form.col.cumulative', width: 112, num: true },
  { key: 'planPct', label: 'form.col.planPct', width: 64, num: true },
  { key: 'samePeriodPct', label: 'form.col.samePeriodPct', width: 84, num: true },
  { key: 'note', label: 'form.col.note', width: 168 },
];

export function ColGroup() {
  return (
    <colgroup>
      {COLUMNS.map((c) => (
        <col key={c.key} style={c.width ? { width: c.width } : undefined} />
      ))}
    </colgroup>
  );
}

/** A longer period's form: its figures are the period's, and the one before is the previous period. */
const LONGER_LABELS: Partial<Record<MessageKey, MessageKey>> = { 'form.col.value': 'form.col.valuePeriod', 'form.col.lastMonth': 'form.col.lastPeriod' };

export function ColumnHeader({ longer = false }: { longer?: boolean }) {
  const { t } = useI18n();
  return (
    <table className="sheet sheet-head">
      <ColGroup />
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} className={`${c.num ? 'num' : ''} col-${c.key}`}>
              {t((longer && LONGER_LABELS[c.label]) || c.label)}
            </th>
          ))}
        </tr>
      </thead>
    </table>
  );
}
