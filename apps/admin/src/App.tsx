import { CssBaseline } from '@mui/material';
import {
  AdminContext,
  CanAccess,
  CoreAdminUI,
  CustomRoutes,
  LoadingPage,
  localStorageStore,
  Notification,
  Resource,
} from 'react-admin';
import { Route } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage.js';
import { authProvider } from './authProvider.js';
import { dataProvider } from './dataProvider.js';
import { i18nProvider } from './i18nProvider.js';
import {
  AccessDenied,
  AuthCallback,
  AuthenticationError,
  ErrorPage,
  Layout,
  NotFound,
} from './layout/lazy-shell.js';
import { actions, problems } from './atgarder/index.js';
import areas from './areas/index.js';
import audit from './audit/index.js';
import outbox from './outbox/index.js';
import lagesbilder from './lagesbilder/index.js';
import organisations from './organisations/index.js';
import places from './places/index.js';
import { withPlaceRegister } from './places/place-register-data.js';
import { withWeekSearch } from './weeks/weeks-data.js';
import periods from './periods/index.js';
import reports from './reports/index.js';
import users from './users/index.js';
import { lazyPage } from './shared/lazy-page.js';
import { theme } from './theme.js';
import tokens from './tokens/index.js';

const appDataProvider = withWeekSearch(withPlaceRegister(dataProvider));
const store = localStorageStore();

// Every page but the login loads with its route (docs/adr/0022): the login page's first load
// carries react-admin's shell only, the reporter's form not the coordinator's workspace.
const Dashboard = lazyPage(() => import('./dashboard/Dashboard.js'), 'Dashboard');
const ChangePasswordPage = lazyPage(() => import('./auth/ChangePasswordPage.js'), 'ChangePasswordPage');
const LagesbildHistoryPage = lazyPage(
  () => import('./lagesbilder/LagesbildHistoryPage.js'),
  'LagesbildHistoryPage',
);
const MyReport = lazyPage(() => import('./reports/MyReport.js'), 'MyReport');
const AnalysisPage = lazyPage(() => import('./analysis/AnalysisPage.js'), 'AnalysisPage');
const MapPage = lazyPage(() => import('./map/MapPage.js'), 'MapPage');
const MondayPage = lazyPage(() => import('./monday/MondayPage.js'), 'MondayPage');
const GallringPage = lazyPage(() => import('./gallring/GallringPage.js'), 'GallringPage');
const PlanPage = lazyPage(() => import('./atgarder/PlanPage.js'), 'PlanPage');
export function App() {
  return (
    // What react-admin's <Admin> does (AdminContext + CssBaseline + CoreAdminUI + Notification),
    // with every page but the login passed in lazily: <Admin> would bundle its defaults.
    <AdminContext
      authProvider={authProvider}
      dataProvider={appDataProvider}
      i18nProvider={i18nProvider}
      store={store}
      theme={theme}
    >
      <CssBaseline enableColorScheme>
        <CoreAdminUI
          title="Läget"
          disableTelemetry
          requireAuth
          loginPage={LoginPage}
          layout={Layout}
          dashboard={Dashboard}
          accessDenied={AccessDenied}
          authCallbackPage={AuthCallback}
          authenticationError={AuthenticationError}
          catchAll={NotFound}
          error={ErrorPage}
          loading={LoadingPage}
        >
          <Resource name="organisations" {...organisations} />
          <Resource name="users" {...users} />
          <Resource name="periods" {...periods} />
          <Resource name="reports" {...reports} />
          <Resource name="places" {...places} />
          <Resource name="areas" {...areas} />
          <Resource name="lagesbilder" {...lagesbilder} />
          <Resource name="problems" {...problems} />
          <Resource name="actions" {...actions} />
          <Resource name="outbox" {...outbox} />
          <Resource name="audit" {...audit} />
          <Resource name="tokens" {...tokens} />
          <CustomRoutes>
            <Route path="/password" element={<ChangePasswordPage />} />
            <Route
              path="/lagesbilder/:id/history"
              element={
                <CanAccess action="list" resource="redactions" accessDenied={<AccessDenied />}>
                  <LagesbildHistoryPage />
                </CanAccess>
              }
            />
            {/* The coordinator's Monday: who may compile may use it. */}
            <Route
              path="/mandag"
              element={
                <CanAccess action="create" resource="lagesbilder" accessDenied={<AccessDenied />}>
                  <MondayPage />
                </CanAccess>
              }
            />
            <Route
              path="/mandag/:id"
              element={
                <CanAccess action="create" resource="lagesbilder" accessDenied={<AccessDenied />}>
                  <MondayPage />
                </CanAccess>
              }
            />
            {/* Analys: for whoever reads the internal lägesbild (the API checks the same rule). */}
            <Route
              path="/analys"
              element={
                <CanAccess
                  action="show"
                  resource="lagesbilder"
                  record={{ view: 'internal', status: 'approved' }}
                  accessDenied={<AccessDenied />}
                >
                  <AnalysisPage />
                </CanAccess>
              }
            />
            {/* Karta: the same readers as Analys (the map query's rule on the API is the same). */}
            <Route
              path="/karta"
              element={
                <CanAccess
                  action="show"
                  resource="lagesbilder"
                  record={{ view: 'internal', status: 'approved' }}
                  accessDenied={<AccessDenied />}
                >
                  <MapPage />
                </CanAccess>
              }
            />
            <Route
              path="/gallring"
              element={
                <CanAccess action="list" resource="retention" accessDenied={<AccessDenied />}>
                  <GallringPage />
                </CanAccess>
              }
            />
            <Route
              path="/atgardsplan"
              element={
                <CanAccess action="approve" resource="atgardsplaner" accessDenied={<AccessDenied />}>
                  <PlanPage />
                </CanAccess>
              }
            />
            <Route
              path="/my-report"
              element={
                <CanAccess action="create" resource="reports" accessDenied={<AccessDenied />}>
                  <MyReport />
                </CanAccess>
              }
            />
          </CustomRoutes>
        </CoreAdminUI>
        <Notification />
      </CssBaseline>
    </AdminContext>
  );
}
