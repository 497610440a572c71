import { startTestApp, type TestApp } from '../../../../../../test/support/app.js';
import { FixedClock } from '../../commands/clock.js';
import {
  ApiClient,
  adminClient,
  createOrganisation,
  createUser,
  type HttpAnswer,
} from '../../../reporting/testing/http-kit.js';

/**
 * A week with every role logged in, for the suites that send hostile input over HTTP (issue 13):
 * Friday of 2024-W48, a school and the police with a reporter each, the coordinator's office with
 * a coordinator and a reviewer; the school's report is open with one incident.
 */
export const HOSTILE_WEEK = '2024-W48';

export interface HostileWeek {
  app: TestApp;
  admin: ApiClient;
  coordinator: ApiClient;
  reviewer: ApiClient;
  schoolReporter: ApiClient;
  policeReporter: ApiClient;
  anonymous: ApiClient;
  organisations: { school: string; police: string; office: string };
  users: { schoolReporter: string };
  schoolReportId: string;
  incidentId: string;
  policeReportId: string;
  placeId: string;
}

export async function startHostileWeek(store: 'postgres' | 'pglite' = 'postgres'): Promise<HostileWeek> {
  const clock = new FixedClock(new Date('2024-11-29T10:00:00+01:00'));
  const app = await startTestApp({ store, clock });
  const admin = await adminClient(app.url);
  const organisations = {
    school: await createOrganisation(admin, 'Skolan', 'school'),
    police: await createOrganisation(admin, 'Polisen', 'police'),
    office: await createOrganisation(admin, 'BF-samordnaren', 'coordinator'),
  };
  const schoolUser = await createUser(admin, {
    username: 'skolan.rapportor',
    organisationId: organisations.school,
    roles: ['reporter'],
  });
  const user = async (username: string, organisationId: string, roles: string[]) =>
    (await createUser(admin, { username, organisationId, roles })).client;
  const policeReporter = await user('polisen.rapportor', organisations.police, ['reporter']);
  const coordinator = await user('bf.samordnare', organisations.office, ['coordinator']);
  const reviewer = await user('granskare', organisations.office, ['reviewer']);

  const schoolReport = expectOk(
    await schoolUser.client.post('/api/reports', {
      period: HOSTILE_WEEK,
      organisationId: organisations.school,
    }),
    'open school report',
  );
  const incident = expectOk(
    await schoolUser.client.post(`/api/reports/${schoolReport.id}/incidents`, {
      problem: 'Skadegörelse på skolgården',
      location: 'Skolgården',
      category: 'skadegorelse',
      assessment: { severity: 2, scope: 'E' },
    }),
    'add incident',
  );
  const policeReport = expectOk(
    await policeReporter.post('/api/reports', { period: HOSTILE_WEEK, organisationId: organisations.police }),
    'open police report',
  );
  const place = expectOk(
    await coordinator.post('/api/places', { name: 'Torget', kind: 'square' }),
    'register place',
  );
  return {
    app,
    admin,
    coordinator,
    reviewer,
    schoolReporter: schoolUser.client,
    policeReporter,
    anonymous: new ApiClient(app.url),
    organisations,
    users: { schoolReporter: schoolUser.id },
    schoolReportId: schoolReport.id,
    incidentId: incident.id,
    policeReportId: policeReport.id,
    placeId: place.id,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes; tests assert on them
export function expectOk(answer: HttpAnswer<any>, what: string): any {
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
