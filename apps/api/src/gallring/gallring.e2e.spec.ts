import { describeOnStores } from '../../../../test/support/app.js';
import { SHREDDED } from '../platform/crypto/value-cipher.js';
import {
  DEMO_INCIDENT,
  ERASED_NARRATIVE,
  KEPT_COMMENT,
  PERSON,
  PERSON_PHONE,
  type GallringScene,
  erasureOfPerson,
  startGallringScene,
} from './testing/gallring-scene.js';

describeOnStores(['pglite', 'postgres'], 'gallring and erasure', (store) => {
  let scene: GallringScene;
  beforeAll(async () => {
    scene = await startGallringScene(store);
  }, 180_000);
  afterAll(async () => {
    await scene?.app.close();
  });

  it('refuses every role but those the contract names, and bad input with the field named', async () => {
    const { reporter, coordinator, admin } = scene;
    for (const [path, body] of [
      ['/api/retention/runs', { dryRun: true }],
      ['/api/erasures', erasureOfPerson(true)],
    ] as const)
      expect((await reporter.post(path, body)).status).toBe(403);
    expect((await reporter.get('/api/retention')).status).toBe(403);
    expect((await reporter.get('/api/retention/report')).status).toBe(403);
    expect((await coordinator.post('/api/retention/runs', { dryRun: true })).status).toBe(403);
    expect((await coordinator.get('/api/retention')).status).toBe(200);
    const hostile = await admin.post('/api/erasures', { ...erasureOfPerson(true), reason: 'a\u0000b' });
    expect(hostile.status).toBe(400);
    expect(JSON.stringify(hostile.body)).toContain('reason');
    for (const match of [
      {},
      { text: '' },
      { text: 'x', email: 'y' },
      { __proto__: 'x' },
      { text: 'x'.repeat(201) },
    ])
      expect((await admin.post('/api/erasures', { ...erasureOfPerson(true), match })).status).toBe(400);
    expect((await admin.post('/api/retention/runs', { dryRun: 'yes' })).status).toBe(400);
    expect((await admin.get('/api/retention/report?from=igår')).status).toBe(400);
  }, 60_000);

  it('erases a person from this week’s report by request, keeping the rest of it, the who, when and why', async () => {
    const { coordinator, reporter, reportId } = scene;
    const dry = await coordinator.post('/api/erasures', erasureOfPerson(true));
    expect(dry.status).toBe(200);
    expect(dry.body.erased).toBeGreaterThan(0);
    expect(dry.body.locations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: `report-${reportId}`, eventType: 'NarrativeWritten' }),
      ]),
    );
    expect(JSON.stringify(dry.body)).not.toContain(PERSON);
    // A dry run changes nothing.
    expect((await reporter.get(`/api/reports/${reportId}`)).body.narrative).toBe(ERASED_NARRATIVE);

    const erased = await coordinator.post('/api/erasures', erasureOfPerson(false));
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toBe(dry.body.erased);
    const report = (await reporter.get(`/api/reports/${reportId}`)).body;
    expect(report.narrative).toBe(SHREDDED);
    expect(report.incidents[0].comment).toBe(KEPT_COMMENT);
    const audit = await coordinator.get(`/api/audit?stream=report-${reportId}`);
    expect(JSON.stringify(audit.body)).not.toContain(PERSON);
    expect(JSON.stringify(audit.body)).not.toContain(PERSON_PHONE);
    expect(JSON.stringify(audit.body)).toContain(KEPT_COMMENT);
    const record = await coordinator.get(`/api/audit?type=PersonalDataErased`);
    expect(record.body).toEqual([
      expect.objectContaining({ type: 'PersonalDataErased', actorId: expect.any(String) }),
    ]);
    expect(JSON.stringify(record.body)).not.toContain(PERSON);
    // Nothing left to find.
    expect((await coordinator.post('/api/erasures', erasureOfPerson(true))).body.erased).toBe(0);
  }, 120_000);

  it('gallrar the demo week once its time has passed, and only it; the report lists both, never the content', async () => {
    const { admin, coordinator, reporter, reportId } = scene;
    // The week compiled and masked, so its lägesbild (with a redaction's offsets into a text that
    // will be gone) is gallrad too.
    expect((await coordinator.post('/api/lagesbilder', { period: '2024-W48' })).status).toBeLessThan(300);
    const masked = await coordinator.post('/api/lagesbilder/2024-W48/redactions', {
      text: 'Unkan',
      everywhere: true,
      legalGround: 'OSL 26 kap. 1 §',
      reason: 'Platsen pekar ut',
    });
    expect({ status: masked.status, body: masked.body }).toEqual({ status: 201, body: expect.anything() });
    const dry = await admin.post('/api/retention/runs', { dryRun: true });
    expect(dry.status).toBe(200);
    const count = (kind: string) =>
      dry.body.counts.find((entry: { kind: string }) => entry.kind === kind).subjects;
    expect(count('report')).toBeGreaterThanOrEqual(5);
    const compliance = (await coordinator.get('/api/periods/2024-W48')).body.compliance as {
      organisationName: string;
      reportId: string;
    }[];
    const nvk = compliance.find((entry) => entry.organisationName === 'NVK')!;
    expect(JSON.stringify((await coordinator.get(`/api/reports/${nvk.reportId}`)).body)).toContain(
      DEMO_INCIDENT,
    );

    const run = await admin.post('/api/retention/runs', {});
    expect(run.status).toBe(200);
    const subjects = (counts: { kind: string; subjects: number }[]) =>
      counts.map(({ kind, subjects: n }) => [kind, n]);
    expect(subjects(run.body.counts)).toEqual(subjects(dry.body.counts));
    const gone = (await coordinator.get(`/api/reports/${nvk.reportId}`)).body;
    expect(gone.incidents[0].problem).toBe(SHREDDED);
    expect(gone.status).toBe('submitted');
    expect((await reporter.get(`/api/reports/${reportId}`)).body.incidents[0].comment).toBe(KEPT_COMMENT);
    expect(
      JSON.stringify((await coordinator.get('/api/audit?stream=report-' + nvk.reportId)).body),
    ).not.toContain(DEMO_INCIDENT);
    expect(
      (await admin.post('/api/retention/runs', { dryRun: true })).body.counts.find(
        (c: { kind: string }) => c.kind === 'report',
      ).subjects,
    ).toBe(0);

    for (const view of ['internal', 'open']) {
      const read = await coordinator.get(`/api/lagesbilder/2024-W48?view=${view}`);
      expect({ view, status: read.status }).toEqual({ view, status: 200 });
      expect(JSON.stringify(read.body)).not.toContain(DEMO_INCIDENT);
    }
    const history = await coordinator.get('/api/lagesbilder/2024-W48/history');
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain(DEMO_INCIDENT);
    expect(count('lagesbild')).toBe(1);

    const report = await coordinator.get('/api/retention/report');
    expect(report.status).toBe(200);
    expect(report.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'request', kind: 'report', legalGround: 'GDPR art. 17.1 a' }),
        expect.objectContaining({ what: 'rule', kind: 'report', count: count('report') }),
      ]),
    );
    const csv = await coordinator.get('/api/retention/report', { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body)).toContain('tidpunkt,grund,av');
    expect(String(csv.body)).toContain('begäran');
    expect(String(csv.body)).not.toContain(PERSON);
  }, 180_000);
});
