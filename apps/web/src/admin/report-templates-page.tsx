import type { ReportTemplateDraftView, ReportTemplateListItem, ReportTemplatePreview } from '@app/contracts';
import { Alert, App, Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../shared/use-load';
import { ReferenceTabs } from './reference-tabs';

type Problems = ReportTemplateDraftView['problems'];

/**
 * Mẫu báo cáo: the sentence patterns of each section of a report template, edited in a draft,
 * previewed on the last period whose submissions are all approved, published as the next version.
 */
export function ReportTemplatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useLoad(() => api.get<ReportTemplateListItem[]>('/report-template-drafts'), []);
  const [draft, setDraft] = useState<ReportTemplateDraftView | null>(null);
  const [sentences, setSentences] = useState<Record<string, string[]>>({});
  const [problems, setProblems] = useState<Problems>([]);
  const [preview, setPreview] = useState<ReportTemplatePreview | null>(null);

  useEffect(() => {
    if (!draft) return;
    setSentences(Object.fromEntries(draft.body.sections.filter((s) => s.statements?.length).map((s) => [s.id, s.statements!.map((st) => st.sentence)])));
    setProblems(draft.problems);
  }, [draft]);

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.details.length) setProblems(e.details as Problems);
    message.error(e instanceof ApiError ? e.message : String(e));
  };
  const open = async (item: ReportTemplateListItem) => {
    setPreview(null);
    try {
      setDraft(item.draftId ? await api.get<ReportTemplateDraftView>(`/report-template-drafts/${item.draftId}`) : await api.post<ReportTemplateDraftView>('/report-template-drafts', { code: item.code }));
      await list.reload();
    } catch (e) {
      fail(e);
    }
  };
  const save = async (): Promise<ReportTemplateDraftView | null> => {
    if (!draft) return null;
    try {
      const saved = await api.put<ReportTemplateDraftView>(`/report-template-drafts/${draft.id}`, {
        version: draft.version,
        sections: Object.entries(sentences).map(([id, list]) => ({ id, statements: list.map((sentence) => ({ sentence })) })),
      });
      setDraft(saved);
      message.success(t('ref.saved'));
      return saved;
    } catch (e) {
      fail(e);
      return null;
    }
  };
  const showPreview = async () => {
    const saved = await save();
    if (saved) setPreview(await api.post<ReportTemplatePreview>(`/report-template-drafts/${saved.id}/preview`).catch((e) => (fail(e), null)));
  };
  const publish = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      const res = await api.post<{ version: number }>(`/report-template-drafts/${saved.id}/publish`, { version: saved.version });
      message.success(t('tpl.published', { version: String(res.version) }));
      setDraft(null);
      await list.reload();
    } catch (e) {
      fail(e);
    }
  };

  const previewText = (id: string) => preview?.content.sections.find((s) => s.id === id)?.paragraphs.map((p) => p.map((r) => ('text' in r ? r.text : '')).join('')) ?? [];
  return (
    <div className="page" data-testid="report-templates-page">
      <h2 className="page-title">{t('nav.admin.reportTemplates')}</h2>
      <ReferenceTabs />
      <div className="panel">
        <Space wrap>
          <span>{t('tpl.pick')}</span>
          <Select showSearch optionFilterProp="label" style={{ width: 520 }} aria-label={t('tpl.pick')} value={draft?.code} data-testid="template-pick"
            options={(list.data ?? []).map((i) => ({ value: i.code, label: `${i.code} v${i.version} – ${i.name}` }))}
            onChange={(code) => open(list.data!.find((i) => i.code === code)!)} />
        </Space>
        <div className="muted" style={{ marginTop: 8 }}>{t('tpl.placeholders')}</div>
      </div>
      {draft && (
        <>
          <h3>{t('tpl.title', { code: draft.code, base: String(draft.baseVersion) })}</h3>
          {problems.length > 0 ? (
            <Alert type="warning" showIcon data-testid="template-problems" title={t('ref.problems', { n: String(problems.length) })}
              description={<ul>{problems.map((p, i) => <li key={i}><code>{p.code}</code> {p.message}</li>)}</ul>} style={{ marginBottom: 12 }} />
          ) : (
            <Alert type="success" showIcon title={t('ref.noProblems')} style={{ marginBottom: 12 }} />
          )}
          {draft.body.sections.filter((s) => s.statements?.length).map((s) => (
            <div className="panel" key={s.id}>
              <h4>{s.number} {s.heading}</h4>
              {s.statements!.map((st, i) => (
                <label key={i} style={{ display: 'block', marginBottom: 8 }}>
                  {t('tpl.statement', { indicator: st.indicator ?? '—', unit: st.unit })}
                  <Input.TextArea autoSize value={sentences[s.id]?.[i] ?? ''} data-testid={`pattern-${s.id}-${i}`}
                    onChange={(e) => setSentences({ ...sentences, [s.id]: sentences[s.id].map((x, j) => (j === i ? e.target.value : x)) })} />
                </label>
              ))}
              {preview && previewText(s.id).map((p, i) => <p key={i} className="muted" data-testid={`preview-${s.id}`}>{p}</p>)}
            </div>
          ))}
          {preview && <Alert type="info" showIcon title={t('tpl.previewOf', { label: preview.label })} style={{ marginBottom: 12 }} />}
          <Space className="panel" style={{ display: 'flex' }}>
            <Button onClick={save}>{t('ref.save')}</Button>
            <Button onClick={showPreview} data-testid="template-preview">{t('tpl.preview')}</Button>
            <Button type="primary" danger onClick={publish} data-testid="template-publish">{t('draft.publish')}</Button>
          </Space>
        </>
      )}
    </div>
  );
}
