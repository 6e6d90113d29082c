import { CheckCircleFilled, ClockCircleFilled, EditFilled, RollbackOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Tag, Tooltip } from 'antd';
import type { SubmissionState } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { daysUntil, formatDate } from './format';

/** The tag colour of each state: the form's own, and each month's of a longer period */
export const STATE_COLOR: Record<SubmissionState, string> = { draft: 'default', submitted: 'processing', returned: 'warning', approved: 'success' };

const STYLE: Record<SubmissionState, { color: string; icon: ReactNode }> = {
  draft: { color: STATE_COLOR.draft, icon: <EditFilled /> },
  submitted: { color: STATE_COLOR.submitted, icon: <ClockCircleFilled /> },
  returned: { color: STATE_COLOR.returned, icon: <RollbackOutlined /> },
  approved: { color: STATE_COLOR.approved, icon: <CheckCircleFilled /> },
};

export function StateTag({ state, large = false }: { state: SubmissionState; large?: boolean }) {
  const { t } = useI18n();
  const s = STYLE[state];
  return (
    <Tag color={s.color} icon={s.icon} className={large ? 'state-tag-large' : undefined} data-testid="state-tag" data-state={state}>
      {t(`state.${state}`)}
    </Tag>
  );
}

/**
 * "Hạn nộp 16/05/2024 · còn 2 ngày" — red once overdue, orange in the last two days; quiet once submitted.
 * Days are counted from the server's today (GET /api/me), not the browser's: the demo plays May 2024.
 */
export function DeadlineText({
  deadline,
  done = false,
  now,
  extensionReason,
}: {
  deadline: string;
  done?: boolean;
  now?: Date;
  /** set when the deadline is the unit's extension: marked, the reason on hover */
  extensionReason?: string | null;
}) {
  const { t } = useI18n();
  const { me } = useSession();
  const days = daysUntil(deadline, now ?? (me?.today ? new Date(`${me.today}T12:00:00`) : undefined));
  const rel = days > 0 ? t('deadline.daysLeft', { n: days }) : days === 0 ? t('deadline.today') : t('deadline.overdue', { n: -days });
  const tone = done ? 'deadline-done' : days < 0 ? 'deadline-late' : days <= 2 ? 'deadline-soon' : 'deadline-ok';
  const text = (
    <span className={`deadline ${tone}`} data-testid="deadline">
      {formatDate(deadline)}
      {extensionReason != null && (
        <Tag color="purple" className="deadline-extended" data-testid="deadline-extended">
          {t('board.extended')}
        </Tag>
      )}
      {!done && <span className="deadline-rel"> · {rel}</span>}
    </span>
  );
  if (extensionReason == null) return text;
  return <Tooltip title={t('board.extendedTip', { date: formatDate(deadline), reason: extensionReason })}>{text}</Tooltip>;
}
