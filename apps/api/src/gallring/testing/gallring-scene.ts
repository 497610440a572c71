import { startTestApp, type TestApp, type TestEventStore } from '../../../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../identity/index.js';
import { formatPeriod, periodContaining } from '../../reporting/period.js';
import { type ApiClient, adminClient, login } from '../../reporting/testing/http-kit.js';

/** What the scene writes that must go, and what must stay. */
export const PERSON = 'Ture Sventon';
export const PERSON_PHONE = '070-174 06 05';
export const ERASED_NARRATIVE = `${PERSON} ringde från ${PERSON_PHONE} om klottret vid busshållplatsen.`;
export const KEPT_COMMENT = 'Klotter på gaveln mot parkeringen, anmält till fastighetsägaren.';
/** From the demo week 2024-W48, which the scene's rule (one month) has long passed. */
export const DEMO_INCIDENT = 'Skadegörelse på handfat på Frida Hansdotter Arena';
export const DEMO_NARRATIVE = 'Informationskort om bedrägeri överlämnas till äldrevården';

export interface GallringScene {
  app: TestApp;
  admin: ApiClient;
  coordinator: ApiClient;
  reporter: ApiClient;
  /** This week's report of the school, naming the person in its narrative. */
  reportId: string;
  week: string;
}

/**
 * The demo (week 2024-W48 filed by six organisations) and, this week, the school's report whose
 * narrative names a person and whose incident does not; reports and lägesbilder are kept one
 * month, so the demo week is due and this week is not.
 */
export async function startGallringScene(
  store: TestEventStore,
  options: { redis?: boolean } = {},
): Promise<GallringScene> {
  const app = await startTestApp({
    store,
    ...(options.redis ? { redis: true } : {}),
    env: { LAGET_DEMO: '1', LAGET_RETENTION: 'report=1,lagesbild=1' },
  });
  const coordinator = await login(app.url, 'samordnare', DEMO_PASSWORD);
  // The demo files its week beside the start: wait until all six reports are there.
  let compliance: { reportId: string | null }[] = [];
  while (compliance.length < 6 || compliance.some((entry) => entry.reportId === null)) {
    compliance = (await coordinator.get('/api/periods/2024-W48')).body.compliance;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const admin = await adminClient(app.url);
  const reporter = await login(app.url, 'skolan', DEMO_PASSWORD);
  const me = await reporter.get<{ organisationId: string }>('/api/auth/me');
  const week = formatPeriod(periodContaining(new Date()));
  const opened = await reporter.post<{ id: string }>('/api/reports', {
    period: week,
    organisationId: me.body.organisationId,
  });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const reportId = opened.body.id;
  const edited = await reporter.patch(`/api/reports/${reportId}`, { narrative: ERASED_NARRATIVE });
  if (edited.status !== 200) throw new Error(`edit: ${edited.status} ${JSON.stringify(edited.body)}`);
  const incident = await reporter.post(`/api/reports/${reportId}/incidents`, {
    problem: 'Klotter',
    // Required since issue 18's categories (merged after this scene was written).
    category: 'skadegorelse',
    comment: KEPT_COMMENT,
    assessment: { severity: 2, scope: 'EA' },
  });
  if (incident.status !== 201)
    throw new Error(`incident: ${incident.status} ${JSON.stringify(incident.body)}`);
  return { app, admin, coordinator, reporter, reportId, week };
}

export const erasureOfPerson = (dryRun: boolean) => ({
  match: { text: PERSON },
  legalGround: 'GDPR art. 17.1 a',
  reason: 'Begäran från den registrerade',
  dryRun,
});
