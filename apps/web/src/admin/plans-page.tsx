import { UploadOutlined } from '@ant-design/icons';
import type { YearPlansView } from '@app/contracts';
import { Alert, App, Button, DatePicker, Input, InputNumber, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { api, ApiError, postFile } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../shared/format';
import { useLoad } from '../shared/use-load';
import { ReferenceTabs } from './reference-tabs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Kế hoạch năm: the year's targets of the planned indicators, their revisions from a date
 * (điều chỉnh kế hoạch), typed here or imported from a workbook. A refused entry lists each bad row.
 */
export function PlansPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const plans = useLoad(() => api.get<YearPlansView>(`/plans/${year}`), [year]);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [revision, setRevision] = useState<{ code?: string; target?: string; from?: Dayjs | null; decision?: string }>({});
  const [problems, setProblems] = useState<string[]>([]);
  const file = useRef<HTMLInputElement>(null);

  const done = (view: YearPlansView) => {
    plans.setData(view);
    setTargets({});
    setProblems([]);
    message.success(t('ref.saved'));
  };
  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.details.length) setProblems(e.details.map((d) => d.message));
    message.error(e instanceof ApiError ? e.message : String(e));
  };
  const send = (lines: object[]) => api.put<YearPlansView>(`/plans/${year}`, { lines }).then(done, failed);

  const saveTargets = () => send(Object.entries(targets).map(([indicatorCode, target]) => ({ indicatorCode, target })));
  const revise = () =>
    send([{ indicatorCode: revision.code, target: revision.target ?? '', effectiveFrom: revision.from?.format('YYYY-MM-DD'), decision: revision.decision ?? '' }]);
  const importFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      done(await postFile<YearPlansView>(`/plans/${year}/import`, f, XLSX));
      message.success(t('plans.imported'));
    } catch (e) {
      failed(e);
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  return (
    <div className="page" data-testid="plans-page">
      <h2 className="page-title">{t('nav.admin.plans')}</h2>
      <ReferenceTabs />
      <div className="panel">
        <Space wrap>
          <label>{t('plans.year')} <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="plans-year" /></label>
          <Button icon={<UploadOutlined />} onClick={() => file.current?.click()}>{t('plans.import')}</Button>
          <input ref={file} type="file" accept=".xlsx" hidden aria-label={t('plans.import')} data-testid="plans-file" onChange={(e) => importFile(e.target.files?.[0])} />
        </Space>
        <div className="muted" style={{ marginTop: 8 }}>{t('plans.layout')}</div>
      </div>
      {plans.error && <Alert type="error" showIcon title={plans.error.message} />}
      {problems.length > 0 && (
        <Alert type="error" showIcon data-testid="plans-problems" title={t('ref.problems', { n: String(problems.length) })} description={<ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>} style={{ marginBottom: 12 }} />
      )}
      <Table
        size="small"
        rowKey="indicatorCode"
        loading={plans.loading}
        dataSource={plans.data?.plans ?? []}
        pagination={false}
        columns={[
          { title: t('draft.code'), dataIndex: 'indicatorCode', width: 140, render: (c: string) => <code>{c}</code> },
          { title: t('draft.indicator'), dataIndex: 'name' },
          { title: t('draft.unit'), dataIndex: 'unit', width: 90 },
          {
            title: t('plans.target'), width: 160,
            render: (_, p) => (
              <Input size="small" aria-label={`${t('plans.target')} ${p.indicatorCode}`} data-testid={`target-${p.indicatorCode}`}
                value={targets[p.indicatorCode] ?? p.target ?? ''} onChange={(e) => setTargets({ ...targets, [p.indicatorCode]: e.target.value })} />
            ),
          },
          {
            title: t('plans.revisions'),
            render: (_, p) => p.revisions.map((r) => <div key={r.effectiveFrom}>{formatDate(r.effectiveFrom)}: <b>{r.target}</b> <span className="muted">({r.decision})</span></div>),
          },
        ]}
      />
      <Space wrap className="panel" style={{ display: 'flex', marginTop: 12 }}>
        <Button type="primary" disabled={Object.keys(targets).length === 0} onClick={saveTargets} data-testid="plans-save">{t('plans.saveTargets')}</Button>
      </Space>
      <div className="panel">
        <h3>{t('plans.revise')}</h3>
        <Space wrap>
          <Select style={{ width: 220 }} aria-label={t('draft.indicator')} placeholder={t('draft.indicator')} value={revision.code} onChange={(code) => setRevision({ ...revision, code })}
            options={(plans.data?.plans ?? []).map((p) => ({ value: p.indicatorCode, label: `${p.indicatorCode} – ${p.name}` }))} data-testid="revision-indicator" />
          <Input style={{ width: 140 }} aria-label={t('plans.target')} placeholder={t('plans.target')} value={revision.target} onChange={(e) => setRevision({ ...revision, target: e.target.value })} data-testid="revision-target" />
          <DatePicker format="DD/MM/YYYY" aria-label={t('plans.effectiveFrom')} placeholder={t('plans.effectiveFrom')} value={revision.from ?? null} onChange={(from) => setRevision({ ...revision, from })} data-testid="revision-from" />
          <Input style={{ width: 360 }} aria-label={t('plans.decision')} placeholder={t('plans.decision')} value={revision.decision} onChange={(e) => setRevision({ ...revision, decision: e.target.value })} data-testid="revision-decision" />
          <Button type="primary" onClick={revise} disabled={!revision.code} data-testid="revision-save">{t('plans.revise')}</Button>
        </Space>
      </div>
    </div>
  );
}
