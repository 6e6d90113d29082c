import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

const TABS = [
  { key: '/admin/forms', label: 'nav.admin.forms' },
  { key: '/admin/plans', label: 'nav.admin.plans' },
  { key: '/admin/calendar', label: 'nav.admin.calendar' },
  { key: '/admin/report-templates', label: 'nav.admin.reportTemplates' },
] as const;

/** The administrator's reference data (forms, plans, days off): one item in the bar ("Biểu mẫu"), tabs here. */
export function ReferenceTabs() {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (me?.role !== 'admin') return null;
  return (
    <Tabs
      data-testid="reference-tabs"
      activeKey={TABS.find((x) => pathname.startsWith(x.key))?.key}
      onChange={(key) => navigate(key)}
      items={TABS.map((x) => ({ key: x.key, label: t(x.label) }))}
    />
  );
}
