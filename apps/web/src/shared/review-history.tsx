import { Timeline } from 'antd';
import type { ReviewView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../shared/format';

const COLOR = { submit: 'blue', return: 'orange', approve: 'green', reopen: 'gray' } as const;

/** Gửi / trả lại / duyệt, in order, with who and when, and the reason of each return. */
export function ReviewHistory({ reviews }: { reviews: ReviewView[] }) {
  const { t } = useI18n();
  if (reviews.length === 0) return null;
  return (
    <div className="history">
      <h3>{t('form.history')}</h3>
      <Timeline
        items={reviews.map((r) => ({
          color: COLOR[r.action],
          content: (
            <div>
              <b>{t(`action.${r.action}`)}</b> · {r.actorName} · <span className="muted">{formatDateTime(r.createdAt)}</span>
              {r.reason && <div className="history-reason">“{r.reason}”</div>}
              {r.comments.length > 0 && <div className="muted">{t('review.commentsCount', { n: r.comments.length })}</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
