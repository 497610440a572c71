import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import type { Client } from '../identity/test/http-client.js';
import { ADMIN_NEW_PASSWORD, adminClient, createOrganisation } from '../identity/test/people.js';
import { FixedClock } from '../platform/commands/clock.js';
import { SHREDDED } from '../platform/crypto/value-cipher.js';

interface AuditRow {
  type: string;
  occurredAt: string;
  ip: string | null;
}

/*
 * Client addresses are kept for the `ip` rule's months after their month (docs/adr/0034): a run
 * removes them from the audit log for the months past the rule, keeps those of later months, and
 * leaves the rest of every entry (who, when, what) as it was.
 */
describeOnStores(['pglite', 'postgres'], 'IP addresses kept for a time', (store) => {
  const clock = new FixedClock(new Date('2026-06-10T10:00:00Z'));
  let app: TestApp;
  let admin: Client;
  beforeAll(async () => {
    app = await startTestApp({ store, clock, env: { LAGET_RETENTION: 'ip=1' } });
    admin = await adminClient(app.url);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const audit = async (range: string): Promise<AuditRow[]> => {
    const answer = await admin.get(`/api/audit?perPage=1000&${range}`);
    expect(answer.status).toBe(200);
    return answer.body as AuditRow[];
  };
  const june = 'to=2026-06-30T23:59:59Z';
  const september = 'from=2026-09-01T00:00:00Z';

  it('removes the addresses of the months past the rule from the audit log, and keeps later ones', async () => {
    await createOrganisation(admin, 'Förvaltningen i juni');
    clock.set(new Date('2026-09-10T10:00:00Z'));
    // The move of three months ended the session.
    expect((await admin.login('admin', ADMIN_NEW_PASSWORD)).status).toBe(200);
    await createOrganisation(admin, 'Förvaltningen i september');
    const withAddress = (rows: AuditRow[]) => rows.filter((row) => row.ip !== null);
    const before = { june: withAddress(await audit(june)), september: withAddress(await audit(september)) };
    expect(before.june.map((row) => row.type)).toContain('OrganisationRegistered');
    expect(before.september.map((row) => row.type)).toContain('OrganisationRegistered');
    const address = before.june[0]!.ip!;
    expect(address).not.toBe(SHREDDED);
    expect([...before.june, ...before.september].every((row) => row.ip === address)).toBe(true);

    const dry = await admin.post('/api/retention/runs', { dryRun: true });
    expect(dry.body.counts).toContainEqual({ kind: 'ip', subjects: 1, cutoff: '2026-08-10T10:00:00.000Z' });
    const run = await admin.post('/api/retention/runs', {});
    expect(run.status).toBe(200);
    expect(run.body.counts).toContainEqual(expect.objectContaining({ kind: 'ip', subjects: 1 }));

    const after = { june: await audit(june), september: await audit(september) };
    // Every June entry is still there, with who and when; only its address is gone.
    expect(after.june.filter((row) => row.ip !== null).map((row) => [row.type, row.occurredAt])).toEqual(
      before.june.map((row) => [row.type, row.occurredAt]),
    );
    expect(after.june.every((row) => row.ip === null || row.ip === SHREDDED)).toBe(true);
    expect(JSON.stringify(after.june)).not.toContain(address);
    // September's entries keep theirs (the run's own record, newest, is one more).
    expect(withAddress(after.september).filter((row) => row.type !== 'GallringRan')).toEqual(
      before.september,
    );

    // The run itself is recorded with the count, and a second run finds nothing more.
    const again = await admin.post('/api/retention/runs', { dryRun: true });
    expect(again.body.counts).toContainEqual(expect.objectContaining({ kind: 'ip', subjects: 0 }));
  }, 180_000);
});
