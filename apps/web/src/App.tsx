/**
 * Routes, served by the API under `/`: `/login`, `/` (the county's overview; every other role lands
 * on its to-dos), `/overview`, `/todos`, `/notifications`, `/notices`, `/campaigns`, `/cases`, `/cases/:caseId`, `/audit`, and `/public/:caseId` for the
 * public (no login). Pages load on demand, so a phone opening the public
 * page does not download the charts.
 */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Spin } from 'antd';
import { configureHttp } from './api/http';
import { storedToken, useSession, useUser } from './auth/session';
import { AppShell } from './components/AppShell';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const loadOverview = () => import('./pages/OverviewPage');
// The landing page: fetch its code (and the charts) while the rest starts up.
if (window.location.pathname === '/') void loadOverview();
const OverviewPage = lazy(loadOverview);
const CaseListPage = lazy(() => import('./pages/CaseListPage'));
const TodosPage = lazy(() => import('./pages/TodosPage'));
const NoticesPage = lazy(() => import('./pages/NoticesPage'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const HolidayCalendarPage = lazy(() => import('./pages/HolidayCalendarPage'));
const PublicCasePage = lazy(() => import('./pages/PublicCasePage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function PageLoading() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Sends a 401 anywhere back to the sign-in page, remembering where the user was. */
function HttpSetup() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  useEffect(() => {
    configureHttp({
      token: storedToken,
      unauthorized: (problem) => {
        signOut();
        void message.warning(problem.detail || '登录已失效，请重新登录');
        const from = `${window.location.pathname}${window.location.search}`;
        void navigate('/login', { replace: true, state: { from } });
      },
    });
  }, [signOut, navigate, message]);
  return null;
}

/** The county department and the auditor oversee the county; everyone else starts from what awaits them. */
function Landing() {
  const user = useUser();
  return user.role === 'county_department' || user.role === 'auditor' ? <OverviewPage /> : <Navigate to="/todos" replace />;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <>{children}</>;
}

export function App() {
  return (
    <BrowserRouter>
      <HttpSetup />
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/public/:caseId" element={<PublicCasePage />} />
          <Route
            element={
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            }
          >
            <Route index element={<Landing />} />
            <Route path="overview" element={<OverviewPage />} />
            <Route path="todos" element={<TodosPage />} />
            <Route path="notices" element={<NoticesPage />} />
            <Route path="campaigns" element={<CampaignsPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="cases" element={<CaseListPage />} />
            <Route path="cases/:caseId" element={<CasePage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="calendar" element={<HolidayCalendarPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
