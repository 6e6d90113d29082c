import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { AuditRow, SubmissionView, TransitionAnswer } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useMe } from '../session/session';
import { formatDateTime } from '../shared/format';
import { FullPageSpin } from '../shared/full-page-spin';
import { NotFoundPage } from '../shared/not-found-page';
import { periodName } from '../shared/period-name';
import { DeadlineText, StateTag } from '../shared/state-tag';
import { useLoad } from '../shared/use-load';
import { useStickyOffsets } from '../shared/use-sticky-offsets';
import { ReturnDialog } from './return-dialog';
import { ReviewHistory } from '../shared/review-history';
import { OfficialFigures } from '../officer/official-figures';
import { changesSinceReturn, flagsFor } from './review-model';
import { ReviewColumnHeader, ReviewSheet } from './review-sheet';

/** One unit's submission as the office reviews it: approve, or return with a reason and comments on single figures. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [returning, setReturning] = useState(false);
  const loaded = useLoad(async () => {
    const [view, audit] = await Promise.all([api.get<SubmissionView>(`/submissions/${id}`), api.get<AuditRow[]>(`/submissions/${id}/audit`)]);
    return { view, audit };
  }, [id]);
  const view = loaded.data?.view;
  const changes = useMemo(() => changesSinceReturn(loaded.data?.audit ?? []), [loaded.data]);
  const flags = useMemo(() => new Map((view?.values ?? []).map((v) => [v.indicatorCode, flagsFor(v)])), [view]);
  const page = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  useStickyOffsets(page, top, head, [view !== undefined]);

  if (loaded.error) return loaded.error.status === 404 ? <NotFoundPage /> : <Alert type="error" showIcon title={loaded.error.message} />;
  if (!view) return <FullPageSpin />;

  const canDecide = me.role === 'reviewer' && view.state === 'submitted';
  const names = new Map(view.values.map((v) => [v.indicatorCode, v.name]));
  const written = Object.entries(comments)
    .filter(([, text]) => text.trim() !== '')
    .map(([indicatorCode, text]) => ({ indicatorCode, name: names.get(indicatorCode) ?? indicatorCode, text: text.trim() }));

  const failed = async (e: unknown) => {
    message.error(e instanceof ApiError ? e.message : String(e));
    await loaded.reload(); // a 409 means someone else acted first: show what is there now
  };
  const decided = async (text: string) => {
    message.success(text);
    setComments({});
    await loaded.reload();
  };

  const approve = () =>
    modal.confirm({
      title: t('review.approve'),
      content: t('review.approveConfirm', { unit: view.unitName }),
      okText: t('review.approve'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.post<TransitionAnswer>(`/submissions/${id}/approve`, { version: view.version });
          await decided(t('review.approved'));
        } catch (e) {
          await failed(e);
        }
      },
    });

  const sendBack = async (reason: string) => {
    try {
      await api.post<TransitionAnswer>(`/submissions/${id}/return`, {
        version: view.version,
        reason,
        comments: written.map(({ indicatorCode, text }) => ({ indicatorCode, text })),
      });
      setReturning(false);
      await decided(t('review.returned'));
    } catch (e) {
      setReturning(false);
      await failed(e);
    }
  };

  const submitted = view.reviews.filter((r) => r.action === 'submit').at(-1);
  return (
    <div className="form-page review-page" data-testid="review-page" ref={page}>
      <div className="form-top" ref={top}>
        <div className="form-toolbar">
          <div className="form-title">
            <Link to={`/board/${view.periodId}`} className="crumb">{t('nav.board')}</Link>
            <h2>
              {view.unitName} <span className="form-unit">— {periodName(view.period, lang)}</span>
            </h2>
            <Space size={12} wrap>
              <StateTag state={view.state} large />
              <span className="muted">{t('common.deadline')}:</span>
              <DeadlineText deadline={view.period.deadline} done />
              {submitted && <span className="muted">{t('board.submittedAt')} {formatDateTime(submitted.createdAt)}</span>}
            </Space>
          </div>
          {canDecide && (
            <div className="form-actions">
              <Space>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="return">
                  {t('review.return')}
                  {written.length > 0 ? ` (${written.length})` : ''}
                </Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={approve} data-testid="approve">
                  {t('review.approve')}
                </Button>
              </Space>
            </div>
          )}
        </div>
      </div>
      <div className="form-notices">
        {me.role === 'reviewer' && view.state !== 'submitted' && <Alert type="info" showIcon title={t('review.notSubmitted')} />}
        {changes.size > 0 && <Alert type="warning" showIcon title={t('review.changedCount', { n: changes.size })} data-testid="changed-count" />}
        {view.problems.length > 0 && view.state === 'submitted' && (
          <Alert type="error" showIcon title={t('review.problems', { n: view.problems.length })} description={view.problems.map((p) => `${p.code} · ${p.message}`).join('\n')} />
        )}
      </div>
      <div className="sheet-head-wrap" ref={head}>
        <ReviewColumnHeader />
      </div>
      <ReviewSheet
        view={view}
        changes={changes}
        flags={flags}
        comments={comments}
        canComment={canDecide}
        onComment={(code, text) =>
          setComments((cur) => {
            const next = { ...cur };
            if (text === null) delete next[code];
            else next[code] = text;
            return next;
          })
        }
      />
      <OfficialFigures view={view} role={me.role === 'reviewer' ? 'reviewer' : 'other'} onChanged={loaded.reload} />
      <ReviewHistory reviews={view.reviews} />
      {returning && <ReturnDialog unitName={view.unitName} comments={written} onCancel={() => setReturning(false)} onReturn={sendBack} />}
    </div>
  );
}
