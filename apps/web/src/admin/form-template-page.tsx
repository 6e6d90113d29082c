import { Alert, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { FormTemplateView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FullPageSpin } from '../shared/full-page-spin';
import { NotFoundPage } from '../shared/not-found-page';
import { useLoad } from '../shared/use-load';

type Indicator = FormTemplateView['sections'][number]['indicators'][number];

/** A template, read-only: its sections in order, which units fill each, and each indicator's rules. */
export function FormTemplatePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
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
        {f.deadlineRule?.rule === 'working_days_after_cutoff' && ` · ${t('common.deadline')}: ${f.deadlineRule.days} ngày làm việc sau ngày chốt số liệu`}
      </div>
      {sections.map((s) => (
        <section key={s.code} className="template-section">
          <h3 className="sheet-section-title">
            {s.reportSection && <span className="section-no">{s.reportSection}</span>}
            {s.title}
            <Space size={4} style={{ marginLeft: 12 }}>{s.units.map((u) => <Tag key={u}>{u}</Tag>)}</Space>
          </h3>
          <Table<Indicator>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={s.indicators}
            showHeader={s === sections[0]}
            columns={[
              { title: 'Mã', dataIndex: 'code', width: 300, render: (c) => <code className="muted">{c}</code> },
              { title: t('form.col.indicator'), dataIndex: 'name', render: (n, i) => <span>{i.parentCode && <span className="of-which">{t('form.ofWhich')}: </span>}{n}{i.required && <span className="req">*</span>}</span> },
              { title: t('form.col.unit'), dataIndex: 'unit', width: 110 },
              { title: 'Loại', dataIndex: 'kind', width: 90 },
              {
                title: t('admin.forms.flags'),
                width: 260,
                render: (_, i) => (
                  <Space size={2} wrap>
                    {i.hasCumulative && <Tag color="blue">lũy kế</Tag>}
                    {i.hasPlan && <Tag color="green">% KH</Tag>}
                    {i.hasSamePeriod && <Tag color="purple">cùng kỳ{i.compareOn === 'cumulative' ? ' (lũy kế)' : ''}</Tag>}
                    {i.integerOnly && <Tag>số nguyên</Tag>}
                    {i.min !== null && <Tag>≥ {i.min}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </section>
      ))}
    </div>
  );
}
