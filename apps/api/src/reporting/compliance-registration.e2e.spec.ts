import { describeWith } from '../../../../test/support/services.js';
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { FixedClock } from '../platform/commands/clock.js';
import { Projections } from '../platform/projections.service.js';
import { Client } from '../identity/test/http-client.js';

/**
 * Issue 16: an organisation registered today was listed as "Saknas" (missing) for last week. A
 * week expects a report only from organisations registered by its deadline (2024-W48's is
 * Monday 2 December 09:00), and each organisation carries the time it was registered.
 */
describeWith(['postgres'], 'compliance expects organisations from their registration on', () => {
  const clock = new FixedClock(new Date('2024-11-27T10:00:00+01:00')); // Wednesday of 2024-W48
  let app: TestApp;
  const admin = () => new Client(app.url);
  let signedIn: Client;

  async function signIn(password: string): Promise<Client> {
    const client = admin();
    expect((await client.login('admin', password)).status).toBe(200);
    return client;
  }

  const names = (body: { compliance: { organisationName: string; state: string }[] }) =>
    body.compliance.map((entry) => [entry.organisationName, entry.state]);

  beforeAll(async () => {
    app = await startTestApp({ store: 'postgres', clock });
    signedIn = await signIn('test-admin-password-1');
    await signedIn.post('/api/auth/password', {
      currentPassword: 'test-admin-password-1',
      newPassword: 'Ekorre-Kaffe-Gruva-91',
    });
    signedIn = await signIn('Ekorre-Kaffe-Gruva-91');
  }, 120_000);

  afterAll(() => app?.close());

  let polisen: { id: string; createdAt: string };
  let skolan: { id: string; createdAt: string };

  it('records when each organisation was registered, in the answer, the list and the get', async () => {
    const created = await signedIn.post('/api/organisations', { name: 'Polisen', kind: 'police' });
    expect(created.status).toBe(201);
    expect(created.body.createdAt).toBe('2024-11-27T09:00:00.000Z');
    polisen = created.body;

    // A week later, in 2024-W49: after 2024-W48's deadline.
    clock.set(new Date('2024-12-04T10:00:00+01:00'));
    signedIn = await signIn('Ekorre-Kaffe-Gruva-91');
    const later = await signedIn.post('/api/organisations', { name: 'Skolan', kind: 'school' });
    expect(later.status).toBe(201);
    skolan = later.body;
    expect(skolan.createdAt).toBe('2024-12-04T09:00:00.000Z');

    expect((await signedIn.get(`/api/organisations/${skolan.id}`)).body).toMatchObject({
      id: skolan.id,
      createdAt: '2024-12-04T09:00:00.000Z',
    });
    const list = await signedIn.get('/api/organisations?sort=createdAt&order=ASC');
    expect(list.body.map((o: { name: string; createdAt: string }) => [o.name, o.createdAt])).toEqual([
      ['Polisen', '2024-11-27T09:00:00.000Z'],
      ['Skolan', '2024-12-04T09:00:00.000Z'],
    ]);
  });

  it('leaves an organisation registered after a week’s deadline out of that week, not of the next', async () => {
    const past = await signedIn.get('/api/periods/2024-W48');
    expect(past.status).toBe(200);
    expect(names(past.body)).toEqual([['Polisen', 'missing']]);
    // Registered during 2024-W48: its record starts there, not twelve weeks back.
    expect(past.body.compliance[0].record).toEqual([{ period: '2024-W48', state: 'missing' }]);

    const current = await signedIn.get('/api/periods/2024-W49');
    expect(names(current.body)).toEqual([
      ['Polisen', 'pending'],
      ['Skolan', 'pending'],
    ]);
    // Skolan's record holds only the week that expects it.
    const record = (entry: { organisationName: string; record: { period: string }[] }) =>
      entry.record.map((week) => week.period);
    const skolanEntry = current.body.compliance.find(
      (entry: { organisationName: string }) => entry.organisationName === 'Skolan',
    );
    expect(record(skolanEntry)).toEqual(['2024-W49']);

    const weeks = await signedIn.get('/api/periods?perPage=2');
    expect(
      weeks.body.map((week: { id: string; expected: number; reported: number }) => [week.id, week.expected]),
    ).toEqual([
      ['2024-W49', 2],
      ['2024-W48', 1],
    ]);
  });

  it('rebuilt from the event log, the read models give the same times and the same compliance', async () => {
    const before = {
      organisations: (await signedIn.get('/api/organisations')).body,
      past: (await signedIn.get('/api/periods/2024-W48')).body.compliance,
      current: (await signedIn.get('/api/periods/2024-W49')).body.compliance,
    };
    const projections = app.app.get(Projections);
    await projections.rebuild('identity');
    await projections.rebuild('reporting.organisations');
    expect({
      organisations: (await signedIn.get('/api/organisations')).body,
      past: (await signedIn.get('/api/periods/2024-W48')).body.compliance,
      current: (await signedIn.get('/api/periods/2024-W49')).body.compliance,
    }).toEqual(before);
    expect(before.organisations.map((o: { createdAt: string }) => o.createdAt)).toEqual([
      polisen.createdAt,
      skolan.createdAt,
    ]);
  });
});
