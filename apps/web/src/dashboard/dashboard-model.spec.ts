import type { IndicatorSeriesView, SeriesPointView } from '@app/contracts';
import { cardModel, heatCells, progressPercent, trendFrom } from './dashboard-model';

const point = (period: string, value: string | null, extra: Partial<SeriesPointView> = {}): SeriesPointView => ({
  period, year: Number(period.slice(0, 4)), month: Number(period.slice(5)), value, cumulative: null, cumulativeSource: null, plan: null,
  planPct: null, samePeriodBase: null, samePeriodChangePct: null, samePeriodRatioPct: null, source: null, ...extra,
});

describe('the dashboard model', () => {
  it('takes the chosen month, the same month last year and the 24-month trend from the series', () => {
    const months = Array.from({ length: 24 }, (_, i) => {
      const n = 2022 * 12 + 5 + i;
      return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    });
    const view = {
      indicator: { code: 'f', name: 'Trồng rừng mới', unitOfMeasure: 'ha', rule: { decimals: 2 } },
      series: [{ unit: { code: 'SNN' }, points: months.map((m, i) => point(m, String(i), i === 23 ? { cumulative: '5000', plan: '9009', planPct: '55.5' } : {})) }],
    } as unknown as IndicatorSeriesView;
    const card = cardModel(view);
    expect(months[0]).toBe(trendFrom('2024-05'));
    expect(card.current?.period).toBe('2024-05');
    expect(card.lastYear?.period).toBe('2023-05');
    expect(card).toMatchObject({ cumulative: '5000', plan: '9009', planPct: '55.5', unitCodes: ['SNN'] });
    expect(card.trend).toHaveLength(24);
  });

  it('shows, of several units, the one whose line reaches the chosen month: after a merger, the successor', () => {
    const view = {
      indicator: { code: 'v', name: 'Tiêm phòng gia súc', unitOfMeasure: 'lượt', rule: { decimals: 0 } },
      series: [
        { unit: { code: 'SNN' }, points: [point('2025-01', '10'), point('2025-02', '12'), point('2025-03', null), point('2025-04', null)] },
        { unit: { code: 'SNNMT' }, points: [point('2025-01', '10'), point('2025-02', '12'), point('2025-03', '15'), point('2025-04', '16', { cumulative: '53' })] },
      ],
    } as unknown as IndicatorSeriesView;
    expect(cardModel(view)).toMatchObject({ current: { period: '2025-04', value: '16' }, cumulative: '53', unitCodes: ['SNN', 'SNNMT'] });
    // none reported yet: the first line, empty
    const none = { ...view, series: view.series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, value: null })) })) } as IndicatorSeriesView;
    expect(cardModel(none).current).toMatchObject({ period: '2025-04', value: null });
  });

  it('bounds a progress bar to 0–100', () => {
    expect(progressPercent('55.4999')).toBe(55.5);
    expect(progressPercent('130')).toBe(100);
    expect(progressPercent(null)).toBeNull();
  });

  it('lays the heat map out unit × month, a missing month as "none"', () => {
    const cells = heatCells({
      year: 2024, months: [1, 2], today: '2024-05-20',
      units: [{ unitId: 'a', unitCode: 'A', unitName: 'A', cells: [{ month: 2, periodId: 'p', submissionId: 's', state: 'approved', timeliness: 'late' }] }],
    });
    expect(cells).toEqual([[0, 0, 5], [1, 0, 1]]);
  });
});
