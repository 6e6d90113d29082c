import { DiffOutlined, FileWordOutlined, FilePdfOutlined, InfoCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, download } from '../api/client';
import type { FormTemplateSummary, FormTemplateView, PeriodView, ReportFileFormat, ReportSectionView, ReportView, UnitView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useMe } from '../session/session';
import { formatDate, formatDateTime } from '../shared/format';
import { FullPageSpin } from '../shared/full-page-spin';
import { NotFoundPage } from '../shared/not-found-page';
import { periodName } from '../shared/period-name';
import { useLoad } from '../shared/use-load';
import { DiffDrawer } from './diff-drawer';
import { ReportDocument, SourceNames } from './report-document';
import { allowed, defaultDiff, documentLine, lastReturn } from './report-model';
import { ReportStateTag, RevisionStateTag } from './report-state-tag';
import { SectionEditor } from './section-editor';
import { SignOffActions } from './sign-off-actions';

/**
 * One consolidated report: the current revision as a readable document (each figure's source on
 * hover), and what the reader may do — the office edits sections, compares revisions and sends it
 * for sign-off; the vice-chairman signs or returns it; everyone downloads DOCX / PDF.
 */
/** The newest form of the months (a longer period's figures are theirs). */
async function monthlyForm(): Promise<FormTemplateView | null> {
  const forms = await api.get<FormTemplateSummary[]>('/forms');
  const monthly = forms.filter((f) => f.periodTypes.includes('month')).sort((a, b) => b.version - a.version)[0];
  return monthly ? api.get<FormTemplateView>(`/forms/${monthly.id}`) : null;
}

export function ReportPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ReportSectionView | null>(null);
  const [comparing, setComparing] = useState(false);
  const report = useLoad(() => api.get<ReportView>(`/reports/${id}`), [id]);
  const r = report.data;
  const context = useLoad(async () => {
    if (!r) return null;
    const period = await api.get<PeriodView>(`/periods/${r.periodId}`);
    const [units, form] = await Promise.all([api.get<UnitView[]>('/units'), api.get<FormTemplateView>(`/forms/${period.formTemplateId}`).catch(() => null)]);
    // a longer period's figures come from the months: their indicators are the monthly form's
    const monthly = period.type === 'month' ? null : await monthlyForm().catch(() => null);
    return { period, units, form, monthly };
  }, [r?.periodId]);
  const names = useMemo<SourceNames>(() => {
    const c = context.data;
    const sections = [...(c?.monthly?.sections ?? []), ...(c?.form?.sections ?? [])];
    const indicators = new Map(sections.flatMap((s) => s.indicators.map((i) => [i.code, { name: i.name, unit: i.unit }] as const)));
    return { units: new Map((c?.units ?? []).map((u) => [u.code, u.name])), indicators };
  }, [context.data]);
  const onEdit = useCallback((s: ReportSectionView) => setEditing(s), []);

  if (report.error) return report.error.status === 404 ? <NotFoundPage /> : <Alert type="error" showIcon title={report.error.message} />;
  if (!r) return <FullPageSpin />;

  const can = allowed(r, me.role);
  const current = r.current;
  const back = lastReturn(r);
  const diff = defaultDiff(r);
  const fetchFile = async (format: ReportFileFormat) => {
    if (!current) return;
    try {
      const name = format === 'json' || format === 'csv' ? 'phu-luc-so-lieu' : 'bao-cao-tong-hop';
      await download(`/reports/${r.id}/revisions/${current.number}/document.${format}`, `${name}-ban-${current.number}.${format}`);
    } catch (e) {
      message.warning(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="page report-page" data-testid="report-page" data-state={r.state} data-version={r.version}>
      <div className="page-head">
        <div>
          <Link to={`/reports?periodId=${r.periodId}`} className="crumb">{t('reports.title')}</Link>
          <h2 className="page-title">
            {t('reports.title')} {context.data && `· ${periodName(context.data.period, lang)}`} <ReportStateTag state={r.state} large />
          </h2>
        </div>
      </div>
      <div className="report-layout">
        <div className="report-paper">
          {current ? (
            <ReportDocument content={current} names={names} draft={!['signed', 'issued', 'replaced'].includes(r.state)} onEdit={can.edit ? onEdit : undefined} />
          ) : (
            <Alert type="info" showIcon title={t('report.noRevision')} />
          )}
        </div>
        <aside className="report-side">
          {r.state === 'signed' && (
            <Alert
              type="warning"
              showIcon
              className="signed-banner"
              data-testid="signed-banner"
              title={t('report.signedWaiting')}
              description={r.signedAt ? t('report.signedWaitingText', { time: formatDateTime(r.signedAt) }) : undefined}
            />
          )}
          {(r.state === 'issued' || r.state === 'replaced') && r.documentNumber && (
            <Alert
              type={r.state === 'issued' ? 'success' : 'warning'}
              showIcon
              className="signed-banner"
              data-testid="issued-banner"
              title={t('report.issuedBanner', { numberLine: documentLine(r, current?.header.numberSuffix) ?? '', date: formatDate(r.documentDate) })}
              description={
                <>
                  {r.issuedAt && <div>{t('report.issuedBy', { time: formatDateTime(r.issuedAt) })}</div>}
                  {r.replacedByReportId && (
                    <div data-testid="replaced-by">
                      {t('report.replacedBanner')} <Link to={`/reports/${r.replacedByReportId}`}>{t('report.openReplacement')}</Link>
                    </div>
                  )}
                </>
              }
            />
          )}
          {r.correctionReason && r.correctsReportId && r.state !== 'replaced' && (
            <Alert type="info" showIcon data-testid="replacing" title={t('report.replacing', { reason: r.correctionReason })} />
          )}
          {r.state === 'awaiting_signature' && <Alert type="info" showIcon title={t('report.awaiting', { n: r.sentRevision ?? '' })} />}
          {r.staleReason && r.state !== 'superseded' && r.state !== 'replaced' && <Alert type="warning" showIcon data-testid="stale" title={t('report.stale', { reason: r.staleReason })} />}
          {r.state === 'superseded' && <Alert type="warning" showIcon title={t('report.superseded', { reason: r.supersededReason ?? '' })} />}
          {back && <Alert type="warning" showIcon data-testid="returned-comment" title={t('report.lastReturn', { n: back.revision, comment: back.comment })} />}
          {current && (
            <div className="side-block">
              <div className="side-row">
                <b>{t('report.revision', { n: current.number })}</b>
                <span className="muted">{formatDateTime(r.revisions.find((x) => x.number === current.number)?.createdAt)}</span>
              </div>
              <SignOffActions report={r} role={me.role} onDone={report.reload} />
              {can.verify && (
                <Link to={`/verify?report=${r.id}`} data-testid="verify-link">
                  <SafetyCertificateOutlined /> {t('report.verify')}
                </Link>
              )}
              <Space wrap className="side-downloads">
                <Button icon={<FileWordOutlined />} onClick={() => void fetchFile('docx')} data-testid="download-docx">{t('report.download', { format: 'DOCX' })}</Button>
                <Button icon={<FilePdfOutlined />} onClick={() => void fetchFile('pdf')} data-testid="download-pdf">{t('report.download', { format: 'PDF' })}</Button>
                <Button onClick={() => void fetchFile('json')} data-testid="download-annex-json">{t('report.annex', { format: 'JSON' })}</Button>
                <Button onClick={() => void fetchFile('csv')} data-testid="download-annex-csv">{t('report.annex', { format: 'CSV' })}</Button>
              </Space>
              {diff && (
                <Button block icon={<DiffOutlined />} onClick={() => setComparing(true)} data-testid="compare">
                  {t('report.diff')}
                </Button>
              )}
            </div>
          )}
          <div className="side-hint">
            <InfoCircleOutlined /> {t('report.hoverHint')}
          </div>
          <div className="side-block">
            <h4>{t('report.revisions')}</h4>
            <ul className="rev-list" data-testid="revisions">
              {[...r.revisions].reverse().map((v) => (
                <li key={v.number}>
                  <span className="rev-no">{v.number}</span>
                  <RevisionStateTag state={v.state} />
                  <span className="muted">{formatDateTime(v.createdAt)}</span>
                  <div className="rev-what muted">
                    {v.editedSection ? t('report.editedSection', { id: v.editedSection }) : t('report.consolidatedFrom')}
                    {v.missingUnits.length > 0 && ` · ${t('reports.missing', { n: v.number, count: v.missingUnits.length }).replace(/:$/, '')}`}
                  </div>
                </li>
              ))}
            </ul>
          </div>
          {r.actions.length > 0 && (
            <div className="side-block">
              <h4>{t('report.history')}</h4>
              <ul className="rev-list">
                {r.actions.map((a, i) => (
                  <li key={i}>
                    <b>{t(`report.action.${a.action}` as MessageKey)}</b> · {t('report.revision', { n: a.revisionNumber })} · <span className="muted">{formatDateTime(a.createdAt)} · {a.actorUsername}</span>
                    {a.comment && <div className="history-reason">“{a.comment}”</div>}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </aside>
      </div>
      {editing && (
        <SectionEditor
          reportId={r.id}
          section={editing}
          version={r.version}
          onSaved={async (n) => {
            message.success(t('report.saved', { n }));
            setEditing(null);
            await report.reload();
          }}
          onConflict={async () => void (await report.reload())}
          onClose={() => setEditing(null)}
        />
      )}
      {comparing && diff && <DiffDrawer report={r} initial={diff} onClose={() => setComparing(false)} />}
    </div>
  );
}
