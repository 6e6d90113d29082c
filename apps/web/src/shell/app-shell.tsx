import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Tooltip } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { FullPageSpin } from '../shared/full-page-spin';
import { useMe, useSession } from '../session/session';
import { NotificationBell } from '../inbox/notification-bell';
import { Emblem } from './emblem';
import { LanguageSwitch } from './language-switch';

interface NavItem {
  to: string;
  label: MessageKey;
  /** other paths the item stands for (the reference-data screens share one item, keeping the bar short) */
  also?: string[];
}

const NAV: Record<Role, NavItem[]> = {
  officer: [
    { to: '/unit', label: 'nav.myForms' },
  ],
  reviewer: [
    { to: '/board', label: 'nav.board' },
    { to: '/dashboard', label: 'nav.dashboard' },
    { to: '/reports', label: 'nav.reports' },
    { to: '/admin/forms', label: 'nav.admin.forms' },
  ],
  signer: [
    { to: '/dashboard', label: 'nav.dashboard' },
    { to: '/reports', label: 'nav.reports' },
    { to: '/board', label: 'nav.board' },
  ],
  clerk: [
    { to: '/reports', label: 'nav.reports' },
  ],
  admin: [
    { to: '/admin/periods', label: 'nav.admin.periods' },
    { to: '/board', label: 'nav.board' },
    { to: '/dashboard', label: 'nav.dashboard' },
    { to: '/reports', label: 'nav.reports' },
    { to: '/admin/units', label: 'nav.admin.units' },
    { to: '/admin/users', label: 'nav.admin.users' },
    { to: '/admin/forms', label: 'nav.admin.forms', also: ['/admin/form-drafts', '/admin/plans', '/admin/calendar', '/admin/report-templates'] },
  ],
};

export function AppShell() {
  const { t } = useI18n();
  const me = useMe();
  const { logout } = useSession();
  const { pathname } = useLocation();
  const items = NAV[me.role];
  const selected = items.filter((i) => [i.to, ...(i.also ?? [])].some((p) => pathname.startsWith(p))).map((i) => i.to);
  const role = t(`role.${me.role}` as MessageKey);
  const who = me.unit ? me.unit.code : role === me.fullName ? null : role;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          <Emblem />
          <span className="app-brand-name">{t('appName')}</span>
          <span className="app-brand-tagline">{t('appTagline')}</span>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={selected}
          items={items.map((i) => ({ key: i.to, label: <Link to={i.to}>{t(i.label)}</Link> }))}
          className="app-nav"
          // every item stays in the DOM and reachable: antd's folding of what does not fit hides items with
          // aria-hidden while they keep focusable links (axe: aria-hidden-focus); the bar scrolls instead
          disabledOverflow
        />
        <div className="app-user">
          {/* anyone signed in checks a PDF here; an icon beside the bell keeps the menu short enough for the bar */}
          <Tooltip title={t('nav.verify')}>
            <Link to="/verify" className="app-verify" aria-label={t('nav.verify')} data-testid="nav-verify">
              <SafetyCertificateOutlined />
            </Link>
          </Tooltip>
          <NotificationBell />
          {/* the name opens the user's own account: the password change */}
          <Tooltip title={`${me.username} · ${t(`role.${me.role}` as MessageKey)}${me.unit ? ` · ${me.unit.name}` : ''} · ${t('header.changePassword')}`}>
            <Link to="/account/password" className="app-user-name" data-testid="current-user">
              <UserOutlined /> {me.fullName}
              {who && <span className="app-user-unit">{who}</span>}
            </Link>
          </Tooltip>
          <LanguageSwitch dark />
          <Button type="text" icon={<LogoutOutlined />} onClick={logout} className="app-logout" data-testid="logout">
            {t('header.signOut')}
          </Button>
        </div>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
