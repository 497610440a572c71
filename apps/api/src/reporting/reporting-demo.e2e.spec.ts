import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DEMO_PASSWORD } from '../identity/index.js';
import { login } from './testing/http-kit.js';

describeWith(['postgres'], 'demo mode files the seed week', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres', env: { LAGET_DEMO: '1' } });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows every seed organisation as reported for 2024-W48, Kultur & Fritid not attending', async () => {
    const coordinator = await login(app.url, 'samordnare', DEMO_PASSWORD);
    // Filing runs beside the start: ask until it is done (bounded by the test timeout, no fixed sleeps).
    let compliance: { organisationName: string; state: string; reportId: string }[] = [];
    // The seed's organisations are registered today, after 2024-W48's deadline: each is listed
    // for that week once its report is opened, so wait for all six as well.
    while (compliance.length < 6 || compliance.some((entry) => entry.reportId === null)) {
      compliance = (await coordinator.get('/api/periods/2024-W48')).body.compliance;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(compliance.map((entry) => entry.organisationName).sort()).toEqual(
      ['Kultur & Fritid', 'NVK', 'Näringslivet', 'Polisen', 'Skolan', 'Socialtjänsten'].sort(),
    );
    const culture = compliance.find((entry) => entry.organisationName === 'Kultur & Fritid')!;
    expect((await coordinator.get(`/api/reports/${culture.reportId}`)).body.attendance).toBe('not_attending');
    const nvk = compliance.find((entry) => entry.organisationName === 'NVK')!;
    expect((await coordinator.get(`/api/reports/${nvk.reportId}`)).body.incidents).toEqual([
      expect.objectContaining({
        problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
        occurredAt: '250107',
      }),
    ]);
  }, 90_000);
});
