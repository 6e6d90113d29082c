import { CheckCircleFilled, EditFilled, HourglassFilled, SafetyCertificateFilled, StopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ReportState, RevisionState } from '@app/contracts';
import { useI18n } from '../i18n/i18n';

const STYLE: Record<ReportState, { color: string; icon: ReactNode }> = {
  drafting: { color: 'default', icon: <EditFilled /> },
  awaiting_signature: { color: 'processing', icon: <HourglassFilled /> },
  signed: { color: 'warning', icon: <CheckCircleFilled /> },
  issued: { color: 'success', icon: <SafetyCertificateFilled /> },
  superseded: { color: 'default', icon: <StopOutlined /> },
  replaced: { color: 'default', icon: <StopOutlined /> },
};

export function ReportStateTag({ state, large = false }: { state: ReportState; large?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={STYLE[state].color} icon={STYLE[state].icon} className={large ? 'state-tag-large' : undefined} data-testid="report-state" data-state={state}>
      {t(`reportState.${state}`)}
    </Tag>
  );
}

const REV_COLOR: Record<RevisionState, string> = { draft: 'default', sent: 'blue', returned: 'orange', signed: 'green', issued: 'green', superseded: 'default', replaced: 'default' };

export function RevisionStateTag({ state }: { state: RevisionState }) {
  const { t } = useI18n();
  return <Tag color={REV_COLOR[state]}>{t(`revState.${state}`)}</Tag>;
}
