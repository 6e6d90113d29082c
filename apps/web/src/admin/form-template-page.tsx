import { Alert, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { FormTemplateView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { fmtNum } from '../shared/format';
import { FullPageSpin } from '../shared/full-page-spin';
import { NotFoundPage } from '../shared/not-found-page';
import { useLoad } from '../shared/use-load';

const COLS = [330, undefined, 110, 80, 260];
const KIND = { number: { vi: 'số', en: 'number' }, percent: { vi: 'tỷ lệ %', en: 'percent' }, text: { vi: 'văn bản', en: 'text' } } as const;

/** A template, read-only: its sections in order, which units fill each, and each indicator's rules. */
export function FormTemplatePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const form = useLoad(() => api.get<FormTemplateView>(`/forms/${id}`), [id]);
  if (form.error) return form.error.status === 404 ? <NotFoundPage /> : <Alert type="error" showIcon title={form.error.message} />;
  if (!form.data) return <FullPageSpin />;
  const f = form.data;
  const q = query.trim().toLowerCase();
  const sections = f.sections.filter((s) => !q || `${s.code} ${s.title} ${s.units.join(' ')} ${s.indicators.map((i) => `${i.code} ${i.name}`).join(' ')}`.toLowerCase().includes(q));

  return (
    <div className="page" data-testid="form-template-page">
      <Link to="/admin/forms" className="crumb">{t('nav.admin.forms')}</Link>
      <div className="page-head">
        <h2 className="page-title">
          {f.name} <span className="muted">· {f.code} v{f.version}</span>
        </h2>
        <Input.Search allowClear placeholder="SNN, trồng rừng…" onChange={(e) => setQuery(e.target.value)} style={{ width: 260 }} />
      </div>
      <div className="muted" style={{ marginBottom: 12 }}>
        {f.sections.length} {t('admin.forms.sections').toLowerCase()} · {f.sections.reduce((n, s) => n + s.indicators.length, 0)} {t('admin.forms.indicators').toLowerCase()}
        {f.deadlineRule?.rule === 'working_days_after_cutoff' && ` · ${t('admin.forms.deadlineRule', { n: f.deadlineRule.days ?? 0 })}`}
      </div>
      <table className="sheet sheet-head">
        <colgroup>{COLS.map((w, i) => <col key={i} style={w ? { width: w } : undefined} />)}</colgroup>
        <thead>
          <tr>
            <th>{t('common.code')}</th>
            <th>{t('form.col.indicator')}</th>
            <th>{t('form.col.unit')}</th>
            <th>{t('admin.forms.kind')}</th>
            <th>{t('admin.forms.flags')}</th>
          </tr>
        </thead>
      </table>
      {sections.map((s) => (
        <section key={s.code} className="sheet-section">
          <h3 className="sheet-section-title static">
            {s.reportSection && <span className="section-no">{s.reportSection}</span>}
            {s.title}
            <span className="section-units">{s.units.map((u) => <Tag key={u}>{u}</Tag>)}</span>
          </h3>
          <table className="sheet">
            <colgroup>{COLS.map((w, i) => <col key={i} style={w ? { width: w } : undefined} />)}</colgroup>
            <tbody>
              {s.indicators.map((i) => (
                <tr key={i.code} className={i.parentCode ? 'row-part' : undefined}>
                  <td className="code-cell"><code>{i.code}</code></td>
                  <td className="col-name">
                    {i.parentCode && <span className="of-which">{t('form.ofWhich')}: </span>}
                    {i.name}
                    {i.required && <span className="req">*</span>}
                  </td>
                  <td className="col-unit">{i.unit}</td>
                  <td className="muted">{KIND[i.kind][lang]}</td>
                  <td>
                    <Space size={2} wrap>
                      {i.hasCumulative && <Tag color="blue">{t('admin.forms.tag.cumulative')}</Tag>}
                      {i.hasPlan && <Tag color="green">{t('admin.forms.tag.plan')}</Tag>}
                      {i.hasSamePeriod && <Tag color="purple">{t('admin.forms.tag.samePeriod')}{i.compareOn === 'cumulative' ? ` ${t('admin.forms.tag.onCumulative')}` : ''}</Tag>}
                      {i.integerOnly && <Tag>{t('admin.forms.tag.integer')}</Tag>}
                      {i.min !== null && <Tag>≥ {fmtNum(i.min)}</Tag>}
                    </Space>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
