import { Admin, CanAccess, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { ChangePasswordPage } from './auth/ChangePasswordPage.js';
import { LoginPage } from './auth/LoginPage.js';
import { authProvider } from './authProvider.js';
import { Dashboard } from './dashboard/Dashboard.js';
import { dataProvider } from './dataProvider.js';
import { i18nProvider } from './i18nProvider.js';
import { AccessDenied } from './layout/AccessDenied.js';
import { Layout } from './layout/Layout.js';
import audit from './audit/index.js';
import lagesbilder from './lagesbilder/index.js';
import { LagesbildHistoryPage } from './lagesbilder/LagesbildHistoryPage.js';
import organisations from './organisations/index.js';
import places from './places/index.js';
import { withPlaceRegister } from './places/place-register-data.js';
import periods from './periods/index.js';
import { MyReport } from './reports/MyReport.js';
import reports from './reports/index.js';
import users from './users/index.js';
import { theme } from './theme.js';
import tokens from './tokens/index.js';

const appDataProvider = withPlaceRegister(dataProvider);

export function App() {
  return (
    <Admin
      title="Läget"
      disableTelemetry
      requireAuth
      authProvider={authProvider}
      dataProvider={appDataProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      dashboard={Dashboard}
      accessDenied={AccessDenied}
      theme={theme}
    >
      <Resource name="organisations" {...organisations} />
      <Resource name="users" {...users} />
      <Resource name="periods" {...periods} />
      <Resource name="reports" {...reports} />
      <Resource name="places" {...places} />
      <Resource name="lagesbilder" {...lagesbilder} />
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
        <Route
          path="/my-report"
          element={
            <CanAccess action="create" resource="reports" accessDenied={<AccessDenied />}>
              <MyReport />
            </CanAccess>
          }
        />
      </CustomRoutes>
    </Admin>
  );
}
