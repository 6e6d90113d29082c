import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarEntryResult, CalendarOverview, CalendarYearView } from '@app/contracts';
import { Alert, App, Button, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../shared/format';
import { useLoad } from '../shared/use-load';
import { ReferenceTabs } from './reference-tabs';

type DayOff = { from: string; to: string; name: string };
type MakeUp = { date: string; name: string };

/**
 * Lịch nghỉ: the administrator enters a year's days off and make-up Saturdays with the decision that
 * announced them. Saving recomputes the deadlines of periods still awaiting figures and says which moved.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const overview = useLoad(() => api.get<CalendarOverview>('/calendar'), []);
  const [year, setYear] = useState<number | null>(null);
  const [decision, setDecision] = useState('');
  const [daysOff, setDaysOff] = useState<DayOff[]>([]);
  const [makeUp, setMakeUp] = useState<MakeUp[]>([]);
  const [result, setResult] = useState<string | null>(null);
  const years = overview.data?.years ?? [];
  const selected: CalendarYearView | undefined = years.find((y) => y.year === year) ?? years[0];

  useEffect(() => {
    if (!selected) return;
    setYear(selected.year);
    setDecision(selected.decision ?? '');
    setDaysOff(selected.daysOff.map((d) => ({ from: d.date ?? d.from ?? '', to: d.date ?? d.to ?? '', name: d.name })));
    setMakeUp(selected.makeUpDays.map((m) => ({ ...m })));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected?.year, overview.data]);

  const save = async () => {
    if (!selected) return;
    try {
      const res = await api.put<CalendarEntryResult>(`/calendar/${selected.year}`, {
        decision,
        daysOff: daysOff.map((d) => (d.from === d.to || !d.to ? { date: d.from, name: d.name } : { from: d.from, to: d.to, name: d.name })),
        makeUpDays: makeUp,
        ...(selected.lunar ? { lunar: selected.lunar } : {}),
        ...(selected.version ? { version: selected.version } : {}),
      });
      setResult(res.recomputed.length ? t('calendar.recomputed', { list: res.recomputed.map((r) => `${r.label} ${formatDate(r.before)} → ${formatDate(r.after)}`).join('; ') }) : t('calendar.nothingMoved'));
      await overview.reload();
      message.success(t('ref.saved'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const set = <T,>(list: T[], setter: (l: T[]) => void, i: number, change: Partial<T>) => setter(list.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <div className="page" data-testid="calendar-page">
      <h2 className="page-title">{t('nav.admin.calendar')}</h2>
      <ReferenceTabs />
      {overview.error && <Alert type="error" showIcon title={overview.error.message} />}
      {(overview.data?.missing.length ?? 0) > 0 && <Alert type="warning" showIcon title={t('calendar.missing', { years: overview.data!.missing.join(', ') })} style={{ marginBottom: 12 }} />}
      <div className="panel">
        <Space wrap>
          <span>{t('calendar.year')}</span>
          <Select style={{ width: 260 }} aria-label={t('calendar.year')} value={selected?.year} onChange={setYear} data-testid="calendar-year"
            options={years.map((y) => ({ value: y.year, label: `${y.year} · ${t(y.entered ? 'calendar.state.entered' : y.scheduled ? 'calendar.state.file' : 'calendar.state.none')}` }))} />
          {selected && <Tag color={selected.entered ? 'green' : selected.scheduled ? 'blue' : 'orange'}>{t(selected.entered ? 'calendar.state.entered' : selected.scheduled ? 'calendar.state.file' : 'calendar.state.none')}</Tag>}
        </Space>
      </div>
      <div className="panel">
        <label htmlFor="calendar-decision">{t('calendar.decision')}</label>
        <Input.TextArea id="calendar-decision" rows={2} value={decision} onChange={(e) => setDecision(e.target.value)} data-testid="calendar-decision" />
      </div>
      <div className="panel">
        <h3>{t('calendar.daysOff')}</h3>
        <Table<DayOff> size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={daysOff}
          columns={[
            { title: t('calendar.from'), width: 170, render: (_, d, i) => <Input size="small" type="date" aria-label={`${t('calendar.from')} ${i + 1}`} value={d.from} onChange={(e) => set(daysOff, setDaysOff, i, { from: e.target.value })} data-testid={`off-from-${i}`} /> },
            { title: t('calendar.to'), width: 170, render: (_, d, i) => <Input size="small" type="date" aria-label={`${t('calendar.to')} ${i + 1}`} value={d.to} onChange={(e) => set(daysOff, setDaysOff, i, { to: e.target.value })} data-testid={`off-to-${i}`} /> },
            { title: t('calendar.name'), render: (_, d, i) => <Input size="small" aria-label={`${t('calendar.name')} ${i + 1}`} value={d.name} onChange={(e) => set(daysOff, setDaysOff, i, { name: e.target.value })} data-testid={`off-name-${i}`} /> },
            { title: '', width: 60, render: (_, _d, i) => <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('calendar.remove')} ${i + 1}`} onClick={() => setDaysOff(daysOff.filter((_x, j) => j !== i))} /> },
          ]} />
        <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setDaysOff([...daysOff, { from: '', to: '', name: '' }])} data-testid="add-day-off">{t('calendar.add')}</Button>
      </div>
      <div className="panel">
        <h3>{t('calendar.makeUpDays')}</h3>
        <Table<MakeUp> size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={makeUp}
          columns={[
            { title: t('calendar.from'), width: 170, render: (_, d, i) => <Input size="small" type="date" aria-label={`${t('calendar.makeUpDays')} ${i + 1}`} value={d.date} onChange={(e) => set(makeUp, setMakeUp, i, { date: e.target.value })} /> },
            { title: t('calendar.name'), render: (_, d, i) => <Input size="small" aria-label={`${t('calendar.name')} ${t('calendar.makeUpDays')} ${i + 1}`} value={d.name} onChange={(e) => set(makeUp, setMakeUp, i, { name: e.target.value })} /> },
            { title: '', width: 60, render: (_, _d, i) => <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('calendar.remove')} ${t('calendar.makeUpDays')} ${i + 1}`} onClick={() => setMakeUp(makeUp.filter((_x, j) => j !== i))} /> },
          ]} />
        <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setMakeUp([...makeUp, { date: '', name: '' }])}>{t('calendar.add')}</Button>
      </div>
      <Space className="panel" style={{ display: 'flex' }}>
        <Button type="primary" onClick={save} disabled={!selected} data-testid="calendar-save">{t('calendar.enter')}</Button>
      </Space>
      {result && <Alert type="info" showIcon title={result} data-testid="calendar-result" />}
    </div>
  );
}
