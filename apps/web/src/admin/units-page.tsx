import { Alert, Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { RestructureResultView, RestructuringView, UnitView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../shared/format';
import { useLoad } from '../shared/use-load';
import { RestructureDialog } from './restructure-dialog';
import { UnitDialog, UnitDialogMode } from './unit-dialogs';

const KIND: Record<string, { vi: string; en: string }> = {
  provincial_office: { vi: 'Văn phòng', en: 'Office' },
  department: { vi: 'Sở, ngành', en: 'Department' },
  provincial_board: { vi: 'Ban', en: 'Board' },
  central_agency_in_province: { vi: 'Cơ quan Trung ương', en: 'Central agency' },
  security_force: { vi: 'Lực lượng vũ trang', en: 'Security force' },
  local_government: { vi: 'UBND cấp huyện', en: 'Local government' },
};

/** "SNN + STNMT → SNNMT (41)": a restructuring's lineage, by successor. */
function lineageSummary(lineage: RestructuringView['lineage']): string[] {
  const by = new Map<string, { from: Set<string>; n: number }>();
  for (const l of lineage) {
    const g = by.get(l.to) ?? { from: new Set<string>(), n: 0 };
    g.from.add(l.from);
    g.n++;
    by.set(l.to, g);
  }
  return [...by].map(([to, g]) => `${[...g.from].join(' + ')} → ${to} (${g.n})`);
}

/**
 * Sở, ban, ngành, effective-dated: created, renamed, closed, and restructured from a date (merged,
 * split, indicators moved), each restructuring recording which indicators went where.
 */
export function UnitsPage() {
  const { t, lang } = useI18n();
  const [date, setDate] = useState('');
  const units = useLoad(() => api.get<UnitView[]>(date ? `/units?date=${date}` : '/units'), [date]);
  const all = useLoad(() => api.get<UnitView[]>('/units'), []);
  const history = useLoad(() => api.get<RestructuringView[]>('/units/restructurings'), []);
  const [dialog, setDialog] = useState<UnitDialogMode | 'restructure' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kinds = Object.entries(KIND).map(([value, l]) => ({ value, label: l[lang] }));
  const refresh = (message: string) => {
    setDialog(null);
    setNotice(message);
    void units.reload();
    void all.reload();
    void history.reload();
  };
  const restructured = (r: RestructureResultView) =>
    refresh(t('admin.units.restructured', { date: formatDate(r.effectiveDate), summary: lineageSummary(r.lineage).join('; ') }));

  return (
    <div className="page" data-testid="units-page">
      <h2 className="page-title">{t('nav.admin.units')}</h2>
      <Space wrap style={{ marginBottom: 12 }}>
        <label>
          {t('admin.units.inForceOn')}{' '}
          <Input type="date" value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 170 }} data-testid="units-date" aria-label={t('admin.units.inForceOn')} />
        </label>
        <Button type="primary" onClick={() => setDialog('restructure')} data-testid="open-restructure">{t('admin.units.restructure')}</Button>
        <Button onClick={() => setDialog({ kind: 'create' })} data-testid="open-create-unit">{t('admin.units.create')}</Button>
      </Space>
      {notice && <Alert type="success" showIcon closable title={notice} onClose={() => setNotice(null)} data-testid="units-notice" style={{ marginBottom: 12 }} />}
      {units.error && <Alert type="error" showIcon title={units.error.message} />}
      <Table<UnitView>
        size="small"
        rowKey="id"
        loading={units.loading}
        dataSource={units.data ?? []}
        pagination={false}
        sticky={{ offsetHeader: 52 }}
        data-testid="units-table"
        columns={[
          { title: t('common.code'), dataIndex: 'code', width: 110, render: (c) => <span className="unit-code">{c}</span> },
          { title: t('common.unit'), dataIndex: 'name' },
          { title: t('admin.units.kind'), dataIndex: 'kind', width: 170, render: (k: string) => KIND[k]?.[lang] ?? k },
          { title: t('admin.units.parent'), dataIndex: 'parentCode', width: 110, render: (c) => c && <Tag>{c}</Tag> },
          {
            title: t('admin.units.effective'),
            width: 210,
            render: (_, u) => `${formatDate(u.effectiveFrom)} – ${u.effectiveTo ? formatDate(u.effectiveTo) : '…'}`,
          },
          { title: t('admin.units.mergedInto'), dataIndex: 'mergedIntoCode', width: 120, render: (c) => c && <Tag>{c}</Tag> },
          {
            title: '',
            width: 190,
            render: (_, u) =>
              !u.effectiveTo && (
                <Space size={4}>
                  <Button size="small" onClick={() => setDialog({ kind: 'edit', unit: u })}>{t('admin.units.edit')}</Button>
                  <Button size="small" danger onClick={() => setDialog({ kind: 'close', unit: u })}>{t('admin.units.close')}</Button>
                </Space>
              ),
          },
        ]}
      />
      <h3 style={{ marginTop: 24 }}>{t('admin.units.history')}</h3>
      <Table<RestructuringView>
        size="small"
        rowKey="id"
        loading={history.loading}
        dataSource={history.data ?? []}
        pagination={false}
        data-testid="restructurings-table"
        locale={{ emptyText: <span className="placeholder-strong">{t('admin.units.noHistory')}</span> }}
        columns={[
          { title: t('admin.units.effectiveDate'), dataIndex: 'effectiveDate', width: 130, render: (d) => formatDate(d) },
          { title: t('admin.units.decision'), dataIndex: 'decision' },
          { title: t('admin.units.lineage'), render: (_, r) => lineageSummary(r.lineage).map((s) => <div key={s}>{s}</div>) },
          { title: t('admin.units.actor'), dataIndex: 'actorUsername', width: 130 },
        ]}
      />
      {dialog === 'restructure' && <RestructureDialog units={all.data ?? []} kinds={kinds} onClose={() => setDialog(null)} onDone={restructured} />}
      {dialog && dialog !== 'restructure' && <UnitDialog mode={dialog} units={all.data ?? []} kinds={kinds} onClose={() => setDialog(null)} onDone={refresh} />}
    </div>
  );
}
