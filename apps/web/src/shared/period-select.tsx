import { Select } from 'antd';
import type { PeriodView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { periodName } from './period-name';

/** The period picker in a page's head (the board, the reports): "Tháng 5/2024", "Quý II/2024", "6 tháng đầu năm 2024" / "May 2024", "Q2 2024". */
export function PeriodSelect({
  periods,
  loading,
  value,
  onChange,
}: {
  periods: PeriodView[] | null | undefined;
  loading: boolean;
  value: string | undefined;
  onChange: (periodId: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Select
      style={{ width: 240 }}
      popupMatchSelectWidth={false}
      value={value}
      loading={loading}
      onChange={onChange}
      options={(periods ?? []).map((p) => ({
        value: p.id,
        label: periodName(p, lang),
        // the type's name on hover
        title: t(`period.type.${p.type}`),
      }))}
      data-testid="period-select"
      aria-label={t('common.period')}
    />
  );
}
