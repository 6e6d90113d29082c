import { ComponentType, lazy, ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { Role } from '@app/contracts';
import { ChangePasswordPage } from './session/change-password-page';
import { LoginPage } from './session/login-page';
import { useSession } from './session/session';
import { AppShell } from './shell/app-shell';
import { FullPageSpin } from './shared/full-page-spin';
import { NotFoundPage } from './shared/not-found-page';

/** Each screen is its own chunk: an officer never downloads the admin screens. */
const screen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const OfficerHome = screen(() => import('./officer/officer-home'), 'OfficerHome');
const FormPage = screen(() => import('./officer/form-page'), 'FormPage');
const PeriodBoard = screen(() => import('./reviewer/period-board'), 'PeriodBoard');
const ReviewPage = screen(() => import('./reviewer/review-page'), 'ReviewPage');
const PeriodsPage = screen(() => import('./admin/periods-page'), 'PeriodsPage');
const UnitsPage = screen(() => import('./admin/units-page'), 'UnitsPage');
const UsersPage = screen(() => import('./admin/users-page'), 'UsersPage');
const StuckPage = screen(() => import('./admin/stuck-page'), 'StuckPage');
const FormsPage = screen(() => import('./admin/forms-page'), 'FormsPage');
const FormTemplatePage = screen(() => import('./admin/form-template-page'), 'FormTemplatePage');
const FormDraftPage = screen(() => import('./admin/form-draft-page'), 'FormDraftPage');
const PlansPage = screen(() => import('./admin/plans-page'), 'PlansPage');
const CalendarPage = screen(() => import('./admin/calendar-page'), 'CalendarPage');
const ReportTemplatesPage = screen(() => import('./admin/report-templates-page'), 'ReportTemplatesPage');
const ReportsPage = screen(() => import('./reports/reports-page'), 'ReportsPage');
const ReportPage = screen(() => import('./reports/report-page'), 'ReportPage');
const InboxPage = screen(() => import('./inbox/inbox-page'), 'InboxPage');
const VerifyPage = screen(() => import('./verify/verify-page'), 'VerifyPage');
const DashboardPage = screen(() => import('./dashboard/dashboard-page'), 'DashboardPage');

export const HOME: Record<Role, string> = {
  officer: '/unit',
  reviewer: '/board',
  signer: '/dashboard', // the vice-chairman looks rather than reads; the report to sign is one click away
  clerk: '/reports', // the records office comes for the signed report to issue
  admin: '/admin/periods',
};

function Only({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useSession();
  return me && roles.includes(me.role) ? <Suspense fallback={<FullPageSpin />}>{children}</Suspense> : <NotFoundPage />;
}

export function AppRoutes() {
  const { me, checking } = useSession();
  if (checking) return <FullPageSpin />;
  if (!me) return <LoginPage />; // on any path: after signing in the user lands where they were going
  if (me.mustChangePassword) return <ChangePasswordPage forced />; // a password the administrator set opens nothing else
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Navigate to={HOME[me.role]} replace />} />
        <Route path="unit" element={<Only roles={['officer']}><OfficerHome /></Only>} />
        <Route path="unit/submissions/:id" element={<Only roles={['officer']}><FormPage /></Only>} />
        <Route path="board" element={<Only roles={['reviewer', 'signer', 'admin']}><PeriodBoard /></Only>} />
        <Route path="board/:periodId" element={<Only roles={['reviewer', 'signer', 'admin']}><PeriodBoard /></Only>} />
        <Route path="review/:id" element={<Only roles={['reviewer', 'signer', 'admin']}><ReviewPage /></Only>} />
        <Route path="reports" element={<Only roles={['reviewer', 'signer', 'clerk', 'admin']}><ReportsPage /></Only>} />
        <Route path="reports/:id" element={<Only roles={['reviewer', 'signer', 'clerk', 'admin']}><ReportPage /></Only>} />
        <Route path="dashboard" element={<Only roles={['reviewer', 'signer', 'admin']}><DashboardPage /></Only>} />
        <Route path="dashboard/:periodId" element={<Only roles={['reviewer', 'signer', 'admin']}><DashboardPage /></Only>} />
        <Route path="inbox" element={<Only roles={['officer', 'reviewer', 'signer', 'clerk', 'admin']}><InboxPage /></Only>} />
        <Route path="verify" element={<Only roles={['officer', 'reviewer', 'signer', 'clerk', 'admin']}><VerifyPage /></Only>} />
        <Route path="admin/periods" element={<Only roles={['admin']}><PeriodsPage /></Only>} />
        <Route path="admin/units" element={<Only roles={['admin']}><UnitsPage /></Only>} />
        <Route path="admin/users" element={<Only roles={['admin']}><UsersPage /></Only>} />
        <Route path="admin/stuck" element={<Only roles={['admin']}><StuckPage /></Only>} />
        <Route path="admin/forms" element={<Only roles={['admin', 'reviewer']}><FormsPage /></Only>} />
        <Route path="admin/forms/:id" element={<Only roles={['admin', 'reviewer']}><FormTemplatePage /></Only>} />
        <Route path="admin/form-drafts/:id" element={<Only roles={['admin']}><FormDraftPage /></Only>} />
        <Route path="admin/plans" element={<Only roles={['admin']}><PlansPage /></Only>} />
        <Route path="admin/calendar" element={<Only roles={['admin']}><CalendarPage /></Only>} />
        <Route path="admin/report-templates" element={<Only roles={['admin']}><ReportTemplatesPage /></Only>} />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
