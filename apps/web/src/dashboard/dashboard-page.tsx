import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { IndicatorCatalogueItem, IndicatorSeriesView, PeriodView, TimelinessMatrix } from '@app/contracts';
import { api, ApiError, download } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FullPageSpin } from '../shared/full-page-spin';
import { PeriodSelect } from '../shared/period-select';
import { useLoad } from '../shared/use-load';
import { cardModel, trendFrom } from './dashboard-model';
import './dashboard.css';
import { IndicatorCard } from './indicator-card';
import { SeriesDrawer } from './series-drawer';
import { TimelinessHeatmap } from './timeliness-heatmap';

const code = (p: PeriodView) => `${p.year}-${String(p.number).padStart(2, '0')}`;

/**
 * Bảng điều hành (the signer's home; reviewers and administrators too): for the chosen month, the key
 * indicators as small multiples and the year's completeness and timeliness per unit. Each chart opens
 * its figures and their sources. Everything is read from the series and dashboard routes.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { periodId } = useParams();
  const [open, setOpen] = useState<IndicatorSeriesView | null>(null);
  const periods = useLoad(() => api.get<PeriodView[]>('/periods'), []);
  const months = useMemo(() => (periods.data ?? []).filter((p) => p.type === 'month'), [periods.data]);
  const period = months.find((p) => p.id === periodId) ?? months[0];
  const data = useLoad(async () => {
    if (!period) return null;
    const to = code(period);
    const key = await api.get<IndicatorCatalogueItem[]>('/indicators/key');
    const [series, timeliness] = await Promise.all([
      Promise.all(key.map((i) => api.get<IndicatorSeriesView>(`/indicators/${encodeURIComponent(i.code)}/series?from=${trendFrom(to)}&to=${to}`))),
      api.get<TimelinessMatrix>(`/dashboard/timeliness?year=${period.year}&through=${period.number}`),
    ]);
    return { series, timeliness };
  }, [period?.id]);

  const exportFile = async (format: 'csv' | 'xlsx') => {
    if (!period) return;
    try {
      await download(`/periods/${period.id}/export.${format}`, `so-lieu-${code(period)}.${format}`);
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (periods.error) return <Alert type="error" showIcon title={periods.error.message} />;
  if (periods.data && !period) return <Empty className="page" description={t('board.noPeriod')} />;
  return (
    <div className="page dashboard" data-testid="dashboard">
      <div className="page-head">
        <h2 className="page-title">{t('dash.title')}</h2>
        <Space wrap>
          <PeriodSelect periods={months} loading={periods.loading} value={period?.id} onChange={(id) => navigate(`/dashboard/${id}`)} />
          <Button icon={<FileTextOutlined />} onClick={() => void exportFile('csv')} data-testid="export-csv">{t('export.csv')}</Button>
          <Button icon={<FileExcelOutlined />} onClick={() => void exportFile('xlsx')} data-testid="export-xlsx">{t('export.xlsx')}</Button>
        </Space>
      </div>
      {data.error && <Alert type="error" showIcon title={data.error.message} />}
      {!data.data ? (
        <FullPageSpin />
      ) : (
        <>
          <h3 className="section-title">{t('dash.keyIndicators')}</h3>
          <div className="kpi-grid" data-testid="kpi-grid">
            {data.data.series.map((s) => (
              <IndicatorCard key={s.indicator.code} m={cardModel(s)} onOpen={() => setOpen(s)} />
            ))}
          </div>
          <TimelinessHeatmap m={data.data.timeliness} />
        </>
      )}
      <SeriesDrawer series={open} onClose={() => setOpen(null)} />
    </div>
  );
}
