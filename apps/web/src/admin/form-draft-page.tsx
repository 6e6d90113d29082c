import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormDraftView, FormIndicatorSpec, FormProblemView, FormSectionSpec, UnitView } from '@app/contracts';
import { AGGREGATIONS, PERIOD_TYPES } from '@app/domain';
import { Alert, App, Button, Checkbox, DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../shared/use-load';

type Body = Omit<FormDraftView['body'], 'code'>;

function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const next = [...list];
  const to = index + by;
  if (to < 0 || to >= next.length) return next;
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/**
 * Dự thảo phiên bản biểu mẫu: add, retire, rename and reorder indicators and sections, give sections
 * to units, set rules; save, then publish from a month. What publishing would refuse is listed after
 * each save; a refused publication lists every problem and changes nothing.
 */
export function FormDraftPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const draft = useLoad(() => api.get<FormDraftView>(`/form-drafts/${id}`), [id]);
  const units = useLoad(() => api.get<UnitView[]>('/units'), []);
  const [body, setBody] = useState<Body | null>(null);
  const [problems, setProblems] = useState<FormProblemView[]>([]);
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  // one section at a time: a province's form has a hundred sections and hundreds of indicators
  const [current, setCurrent] = useState(0);
  useEffect(() => {
    if (!draft.data) return;
    const { code: _code, ...rest } = draft.data.body;
    setBody(rest);
    setProblems(draft.data.problems);
  }, [draft.data]);

  if (draft.error) return <div className="page"><Alert type="error" showIcon title={draft.error.message} /></div>;
  if (!draft.data || !body) return <div className="page" data-testid="form-draft-page" />;
  const known = new Set(draft.data.body.sections.flatMap((s) => s.indicators.map((i) => i.code)));
  const setSection = (index: number, change: Partial<FormSectionSpec>) => setBody({ ...body, sections: body.sections.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  const setIndicator = (si: number, ii: number, change: Partial<FormIndicatorSpec>) =>
    setSection(si, { indicators: body.sections[si].indicators.map((x, i) => (i === ii ? { ...x, ...change } : x)) });

  const save = async (): Promise<FormDraftView | null> => {
    setBusy(true);
    try {
      const saved = await api.put<FormDraftView>(`/form-drafts/${id}`, { version: draft.data!.version, body });
      draft.setData(saved);
      message.success(t('ref.saved'));
      return saved;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!from) return;
    const saved = await save();
    if (!saved) return;
    try {
      const res = await api.post<{ templateId: string; version: number; effectiveFrom: string }>(`/form-drafts/${id}/publish`, { version: saved.version, effectiveFrom: from.format('YYYY-MM') });
      message.success(t('draft.published', { version: String(res.version), from: from.format('MM/YYYY') }));
      navigate(`/admin/forms/${res.templateId}`);
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setProblems(e.details as FormProblemView[]);
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const discard = async () => {
    await api.delete(`/form-drafts/${id}`);
    navigate('/admin/forms');
  };

  const unitOptions = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.code} – ${u.name}` }));
  return (
    <div className="page" data-testid="form-draft-page">
      <h2 className="page-title">{t('draft.title', { code: draft.data.formCode, base: String(draft.data.baseVersion) })}</h2>
      <div className="panel">
        <Space wrap>
          <label>
            {t('draft.name')}{' '}
            <Input style={{ width: 420 }} value={body.name} onChange={(e) => setBody({ ...body, name: e.target.value })} data-testid="draft-name" />
          </label>
          <span>{t('draft.periodTypes')}</span>
          <Checkbox.Group value={body.periodTypes} onChange={(v) => setBody({ ...body, periodTypes: v as Body['periodTypes'] })} options={PERIOD_TYPES.map((p) => ({ value: p, label: t(`period.type.${p}`) }))} />
        </Space>
      </div>
      {problems.length > 0 ? (
        <Alert type="warning" showIcon data-testid="draft-problems" title={t('ref.problems', { n: String(problems.length) })}
          description={<ul>{problems.map((p, i) => <li key={i}><code>{p.code}</code> {p.message}</li>)}</ul>} style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="success" showIcon title={t('ref.noProblems')} style={{ marginBottom: 12 }} />
      )}
      <div className="panel">
        <Space wrap>
          <span>{t('draft.section')}</span>
          <Select showSearch optionFilterProp="label" style={{ width: 560 }} aria-label={t('draft.section')} value={Math.min(current, body.sections.length - 1)} onChange={setCurrent} data-testid="draft-section-select"
            options={body.sections.map((s, i) => ({ value: i, label: `${i + 1}. ${s.code} – ${s.title} (${s.indicators.length})` }))} />
          <Button icon={<PlusOutlined />} onClick={() => { setBody({ ...body, sections: [...body.sections, { code: '', title: '', units: [], indicators: [] }] }); setCurrent(body.sections.length); }}>{t('draft.addSection')}</Button>
        </Space>
      </div>
      {body.sections.map((s, si) => si !== Math.min(current, body.sections.length - 1) ? null : (
        <div className="panel" key={si} data-testid={`draft-section-${si}`}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Input aria-label={t('draft.section')} style={{ width: 140 }} value={s.code} onChange={(e) => setSection(si, { code: e.target.value })} />
            <Input aria-label={t('draft.sectionTitle')} style={{ width: 320 }} value={s.title} onChange={(e) => setSection(si, { title: e.target.value })} />
            <Select aria-label={t('draft.units')} mode="multiple" style={{ minWidth: 260 }} value={s.units} options={unitOptions} onChange={(v) => setSection(si, { units: v })} />
            <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('draft.up')} onClick={() => { setBody({ ...body, sections: move(body.sections, si, -1) }); setCurrent(Math.max(0, si - 1)); }} />
            <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('draft.down')} onClick={() => { setBody({ ...body, sections: move(body.sections, si, 1) }); setCurrent(Math.min(body.sections.length - 1, si + 1)); }} />
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => { setBody({ ...body, sections: body.sections.filter((_, i) => i !== si) }); setCurrent(Math.max(0, si - 1)); }}>{t('draft.retire')}</Button>
          </Space>
          <Table<FormIndicatorSpec>
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={s.indicators}
            columns={[
              {
                title: t('draft.code'), width: 150,
                render: (_, ind, ii) => known.has(ind.code) && ind.code ? <code>{ind.code}</code> : (
                  <Input size="small" aria-label={t('draft.newCode')} placeholder={t('draft.code')} value={ind.code} onChange={(e) => setIndicator(si, ii, { code: e.target.value.trim() })} data-testid={`new-code-${si}-${ii}`} />
                ),
              },
              { title: t('draft.indicator'), render: (_, ind, ii) => <Input size="small" aria-label={`${t('draft.indicator')} ${ind.code}`} value={ind.name} onChange={(e) => setIndicator(si, ii, { name: e.target.value })} data-testid={`name-${si}-${ii}`} /> },
              {
                title: t('admin.forms.kind'), width: 100,
                render: (_, ind, ii) => (
                  <Select size="small" aria-label={`${t('admin.forms.kind')} ${ind.code}`} style={{ width: 92 }} value={ind.kind} onChange={(v) => setIndicator(si, ii, { kind: v })}
                    options={(['number', 'percent', 'text'] as const).map((k) => ({ value: k, label: t(`draft.kind.${k}`) }))} />
                ),
              },
              { title: t('draft.unit'), width: 90, render: (_, ind, ii) => <Input size="small" aria-label={`${t('draft.unit')} ${ind.code}`} value={ind.unit ?? ''} onChange={(e) => setIndicator(si, ii, { unit: e.target.value || null })} /> },
              {
                title: t('draft.parent'), width: 130,
                render: (_, ind, ii) => <Input size="small" aria-label={`${t('draft.parent')} ${ind.code}`} value={ind.parent ?? ''} onChange={(e) => setIndicator(si, ii, { parent: e.target.value.trim() || null })} />,
              },
              {
                title: t('draft.aggregation'), width: 120,
                render: (_, ind, ii) => (
                  <Select size="small" aria-label={`${t('draft.aggregation')} ${ind.code}`} style={{ width: 110 }} value={ind.aggregation ?? (ind.hasCumulative ? 'flow' : 'to_date')} options={AGGREGATIONS.map((a) => ({ value: a, label: a }))} onChange={(v) => setIndicator(si, ii, { aggregation: v })} />
                ),
              },
              { title: t('draft.required'), width: 80, render: (_, ind, ii) => <Checkbox aria-label={`${t('draft.required')} ${ind.code}`} checked={!!ind.required} onChange={(e) => setIndicator(si, ii, { required: e.target.checked })} /> },
              { title: t('admin.forms.tag.cumulative'), width: 70, render: (_, ind, ii) => <Checkbox aria-label={`${t('admin.forms.tag.cumulative')} ${ind.code}`} checked={!!ind.hasCumulative} onChange={(e) => setIndicator(si, ii, { hasCumulative: e.target.checked, ...(e.target.checked ? { aggregation: 'flow' as const } : {}) })} /> },
              { title: t('draft.plan'), width: 70, render: (_, ind, ii) => <Checkbox aria-label={`${t('draft.plan')} ${ind.code}`} checked={!!ind.hasPlan} onChange={(e) => setIndicator(si, ii, { hasPlan: e.target.checked })} /> },
              { title: t('draft.min'), width: 90, render: (_, ind, ii) => <Input size="small" aria-label={`${t('draft.min')} ${ind.code}`} value={ind.min == null ? '' : String(ind.min)} onChange={(e) => setIndicator(si, ii, { min: e.target.value.trim() || null })} /> },
              { title: t('draft.max'), width: 90, render: (_, ind, ii) => <Input size="small" aria-label={`${t('draft.max')} ${ind.code}`} value={ind.max == null ? '' : String(ind.max)} onChange={(e) => setIndicator(si, ii, { max: e.target.value.trim() || null })} /> },
              {
                title: '', width: 170,
                render: (_, ind, ii) => (
                  <Space size={4}>
                    <Button size="small" icon={<ArrowUpOutlined />} aria-label={`${t('draft.up')} ${ind.code}`} onClick={() => setSection(si, { indicators: move(s.indicators, ii, -1) })} />
                    <Button size="small" icon={<ArrowDownOutlined />} aria-label={`${t('draft.down')} ${ind.code}`} onClick={() => setSection(si, { indicators: move(s.indicators, ii, 1) })} />
                    <Button size="small" danger data-testid={`retire-${ind.code}`} onClick={() => setSection(si, { indicators: s.indicators.filter((_, i) => i !== ii) })}>{t('draft.retire')}</Button>
                  </Space>
                ),
              },
            ]}
          />
          <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} data-testid={`add-indicator-${si}`}
            onClick={() => setSection(si, { indicators: [...s.indicators, { code: '', name: '', kind: 'number', unit: null }] })}>
            {t('draft.addIndicator')}
          </Button>
        </div>
      ))}
      <Space wrap className="panel" style={{ display: 'flex' }}>
        <Button type="primary" loading={busy} onClick={save} data-testid="draft-save">{t('ref.save')}</Button>
        <span>{t('draft.effectiveFrom')}</span>
        <DatePicker picker="month" format="MM/YYYY" value={from} onChange={setFrom} aria-label={t('draft.effectiveFrom')} data-testid="draft-from" />
        <Button type="primary" danger disabled={!from} onClick={publish} data-testid="draft-publish">{t('draft.publish')}</Button>
        <Button onClick={discard}>{t('draft.discard')}</Button>
      </Space>
    </div>
  );
}
