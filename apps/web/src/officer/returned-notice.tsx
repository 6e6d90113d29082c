import { Alert } from 'antd';
import type { ReviewView, ValueView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../shared/format';

/** The office's reason, and its comments as links to the figures they concern. */
export function ReturnedNotice({ review, values }: { review: ReviewView; values: ValueView[] }) {
  const { t } = useI18n();
  const name = new Map(values.map((v) => [v.indicatorCode, v.name]));
  const jump = (code: string) => {
    const row = document.querySelector<HTMLElement>(`tr[data-code="${CSS.escape(code)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLElement>('input, textarea')?.focus();
  };
  return (
    <Alert
      type="warning"
      showIcon
      className="returned-notice"
      data-testid="returned-notice"
      title={
        <span>
          <b>{t('form.returned.title')}</b> — {t('form.returned.by', { name: review.actorName, time: formatDateTime(review.createdAt) })}
        </span>
      }
      description={
        <div>
          <div className="returned-reason">“{review.reason}”</div>
          {review.comments.length > 0 && (
            <div className="returned-comments">
              {t('form.returned.comments')}{' '}
              {review.comments.map((c) => (
                <a key={c.indicatorCode} onClick={() => jump(c.indicatorCode)} className="comment-link">
                  {name.get(c.indicatorCode) ?? c.indicatorCode}
                </a>
              ))}
            </div>
          )}
        </div>
      }
    />
  );
}
