import { describeOnStores, startTestApp, type TestApp } from '../../../../test/support/app.js';
import { DEMO_PASSWORD } from '../identity/first-start.js';
import { FixedClock } from '../platform/commands/clock.js';
import { login, type ApiClient } from '../reporting/testing/http-kit.js';
import { fileHalfYear, type Send } from './testing/half-year.js';

interface Trends {
  buckets: string[];
  series: { key: string; label: string; values: (number | null)[] }[];
}

const seriesOf = (trends: Trends, key: string) => trends.series.find((series) => series.key === key);

describeOnStores(['postgres'], 'analysis trends over HTTP', (store) => {
  let app: TestApp;
  // Monday of 2025-W23: the half year after the demo week has started and ended.
  const clock = new FixedClock(new Date('2025-06-02T10:00:00+02:00'));
  let coordinator: ApiClient;
  let missing: string;

  beforeAll(async () => {
    app = await startTestApp({ store, clock, env: { LAGET_DEMO: '1' } });
    coordinator = await login(app.url, 'samordnare', DEMO_PASSWORD);
    const send: Send = async (method, path, body) => {
      const answer = await coordinator.request<{ id?: string }>(method, path, body);
      if (answer.status >= 300)
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    ({ missing } = await fileHalfYear(send, ['skolan', 'nvk', 'socialtjansten']));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const trends = (query: string, client = coordinator) => client.get<Trends>(`/api/analysis/trends?${query}`);

  it('gives non-empty trends per category over the demo week and the half year, the missing week as null', async () => {
    const answer = await trends('from=2024-W48&to=2025-W22&groupBy=category&measure=incidents&bucket=week');
    expect(answer.status).toBe(200);
    expect(answer.body.buckets).toHaveLength(27);
    expect(answer.body.buckets[0]).toBe('2024-W48');
    const skadegorelse = seriesOf(answer.body, 'skadegorelse');
    expect(skadegorelse?.label).toBe('Skadegörelse');
    // The demo week's one incident (NVK's handfat) is skadegörelse.
    expect(skadegorelse?.values[0]).toBe(1);
    const missingAt = answer.body.buckets.indexOf(missing);
    for (const series of answer.body.series) expect(series.values[missingAt]).toBeNull();
    // Weeks with reports but none of a category count 0, not null.
    expect(seriesOf(answer.body, 'klotter')?.values[0]).toBe(0);
    // Skadegörelse rises towards the summer (Skolan's reports grow).
    const values = skadegorelse!.values.filter((v): v is number => v !== null);
    expect(values.slice(-4).reduce((a, b) => a + b)).toBeGreaterThan(
      values.slice(1, 5).reduce((a, b) => a + b),
    );
  });

  it('sums by month, tertial and year, and means the severity', async () => {
    const months = await trends('from=2024-W48&to=2025-W22&bucket=month');
    expect(months.body.buckets).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    const weeks = await trends('from=2024-W48&to=2025-W22&bucket=week');
    const total = (t: Trends) => t.series.flatMap((s) => s.values).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(total(months.body)).toBe(total(weeks.body));
    const tertials = await trends('from=2024-W48&to=2025-W22&bucket=tertial');
    expect(tertials.body.buckets).toEqual(['2024-T3', '2025-T1', '2025-T2']);
    const severity = await trends('from=2024-W48&to=2025-W22&bucket=year&measure=severity');
    for (const series of severity.body.series) {
      for (const value of series.values) if (value !== null) expect(value).toBeGreaterThanOrEqual(1);
    }
    expect(seriesOf(severity.body, 'skadegorelse')?.values.every((v) => v === null || v <= 5)).toBe(true);
  });

  it('groups by organisation with names, null where that organisation did not report, and filters', async () => {
    const answer = await trends('from=2024-W48&to=2024-W52&groupBy=organisation');
    expect(answer.status).toBe(200);
    const nvk = seriesOf(answer.body, 'nvk');
    expect(nvk?.label).toBe('NVK');
    const skolan = seriesOf(answer.body, 'skolan');
    // The demo week: Skolan reported without incidents (0); in the generated weeks it has some.
    expect(skolan?.values[0]).toBe(0);
    const filtered = await trends('from=2024-W48&to=2025-W22&organisationId=skolan&category=skadegorelse');
    expect(filtered.body.series.map((s) => s.key)).toEqual(['skadegorelse']);
    const byPlace = await trends('from=2024-W48&to=2024-W48&groupBy=place');
    expect(byPlace.body.series.map((s) => s.label)).toContain('Frida Hansdotter Arena');
  });

  it('shows the police statistics per crime category over time', async () => {
    const answer = await trends('from=2024-W48&to=2024-W49&measure=police');
    expect(answer.status).toBe(200);
    // The demo week's police statistics: three rows of "förlust av egendom" (2 + 1 + 1).
    expect(seriesOf(answer.body, 'forlust_av_egendom')).toMatchObject({
      label: 'Förlust av egendom',
      values: [4, null],
    });
  });

  it('lets the coordinator, the reviewer and the EST group read it, and nobody else', async () => {
    const query = 'from=2024-W48&to=2024-W49';
    for (const username of ['granskare', 'est']) {
      expect((await trends(query, await login(app.url, username, DEMO_PASSWORD))).status).toBe(200);
    }
    for (const username of ['skolan', 'polisen']) {
      expect((await trends(query, await login(app.url, username, DEMO_PASSWORD))).status).toBe(403);
    }
    const anonymous = await fetch(`${app.url}/api/analysis/trends?${query}`);
    expect(anonymous.status).toBe(401);
  });

  it('follows edits: a changed category moves the incident, a withdrawn report makes its week missing', async () => {
    const week = '2025-W20';
    const query = `from=${week}&to=${week}&groupBy=organisation`;
    const before = await trends(query);
    expect(seriesOf(before.body, 'nvk')?.values[0]).toBeGreaterThan(0);
    const report = await coordinator.get<{ incidents: { id: string; category: string }[]; version: number }>(
      `/api/reports/${week}.nvk`,
    );
    const incident = report.body.incidents[0]!;
    const category = incident.category === 'brand' ? 'hot' : 'brand';
    expect(
      (await coordinator.patch(`/api/reports/${week}.nvk/incidents/${incident.id}`, { category })).status,
    ).toBe(200);
    await coordinator.post(`/api/reports/${week}.nvk/submit`, {});
    const moved = await trends(`from=${week}&to=${week}&organisationId=nvk&category=${category}`);
    expect(seriesOf(moved.body, category)?.values).toEqual([1]);
    const withdrawn = await coordinator.post(`/api/reports/${week}.nvk/withdraw`, { reason: 'Fel vecka' });
    expect(withdrawn.status).toBe(200);
    const after = await trends(query);
    expect(seriesOf(after.body, 'nvk')?.values ?? [null]).toEqual([null]);
    expect(seriesOf(after.body, 'skolan')?.values[0]).toBeGreaterThan(0);
  });

  it('refuses bad and hostile questions with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['to=2024-W49', 'from'],
      ['from=2024-W48', 'to'],
      ['from=2024-W50&to=2024-W48', 'to'],
      ['from=2024-W48&to=2024-W49&groupBy=areas', 'groupBy'],
      ['from=2024-W48&to=2024-W49&groupBy=__proto__', 'groupBy'],
      ['from=2024-W48&to=2024-W49&bucket=decade', 'bucket'],
      ['from=2024-W48&to=2024-W49&measure=constructor', 'measure'],
      ['from=2024-W48&to=2024-W49&category=%00', 'category'],
      ['from=2024-W48&to=2024-W49&organisationId=' + 'x'.repeat(5000), 'organisationId'],
      ['from=2024-W48%00&to=2024-W49', 'from'],
      ['from=2024-W48&to=2024-W49&x=1', 'x'],
      ['from=1900-W01&to=2100-W01', 'to'],
    ];
    for (const [query, field] of cases) {
      const answer = await trends(query);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(answer.body)).toContain(field);
    }
  });
});
