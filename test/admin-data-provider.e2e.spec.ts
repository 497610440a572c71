import type {
  Amendment,
  Audience,
  AuditEntry,
  HistoryEntry,
  CreatedUserDto,
  JobSummary,
  JobView,
  LagesbildDocument,
  OrganisationDto,
  PeriodView,
  PlaceView,
  RedactionSuggestion,
  ReportSummary,
  ReportView,
  UserDto,
} from '@laget/contracts';
import { dataProvider } from '../apps/admin/src/dataProvider.js';
import { api } from '../apps/admin/src/http.js';
import { lagesbildApi } from '../apps/admin/src/lagesbilder/lagesbild-api.js';
import type { LagesbildAnswers } from '../apps/admin/src/lagesbilder/lagesbild-data.js';
import { FixedClock } from '../apps/api/src/platform/commands/clock.js';
import { describeOnStores, startTestApp, type TestApp } from './support/app.js';
import { PanelBrowser, ServedDocument } from './support/panel-browser.js';

/**
 * Issue 15, item 6: the admin panel's own data provider (apps/admin/src/dataProvider.ts and the
 * lägesbild custom methods) against the running API — no mocks. Every answer is typed by
 * @laget/contracts here and validated with ajv against the served OpenAPI document, so the panel,
 * the types and the document cannot drift apart unnoticed.
 */
const period = '2024-W48';
// Friday of 2024-W48, before the deadline: the coordinator compiles early (confirmEarly).
const clock = () => new FixedClock(new Date('2024-11-29T10:00:00+01:00'));

type Row<T> = T & { id: string };

describeOnStores(['pglite', 'postgres'], 'the admin data provider against the running API', (store) => {
  let app: TestApp;
  let browser: PanelBrowser;
  let document: ServedDocument;
  const organisations: Record<'school' | 'police' | 'office', string> = {
    school: '',
    police: '',
    office: '',
  };
  const passwords = new Map<string, string>();
  let reportId: string;
  let jobId: string;

  /** The answer is what the served document promises for this operation. */
  const expectDocumented = (method: string, path: string, body: unknown) =>
    expect(document.problems(method, path, body)).toBe('');

  async function createPerson(username: string, organisationId: string, roles: string[]) {
    await browser.switchTo('admin');
    const { data } = await dataProvider.create<Row<CreatedUserDto>>('users', {
      data: { username, displayName: username, organisationId, roles },
    });
    expectDocumented('POST', '/api/users', data);
    passwords.set(username, data.oneTimePassword);
    await browser.logIn(username, data.oneTimePassword);
    return data;
  }

  beforeAll(async () => {
    app = await startTestApp({ store, clock: clock() });
    document = await ServedDocument.load(app.url);
    browser = new PanelBrowser(app.url);
    browser.install();
    await browser.logIn('admin', 'test-admin-password-1');
  }, 120_000);

  afterAll(async () => {
    browser?.uninstall();
    await app?.close();
  });

  it('serves the response schemas the checks below rely on', () => {
    expect(document.componentNames).toEqual(
      expect.arrayContaining([
        'Organisation',
        'User',
        'Period',
        'Report',
        'Place',
        'LagesbildDocument',
        'Job',
        'AuditEntry',
      ]),
    );
  });

  it('organisations: create, getList with filter, sort, pagination and total, getOne, update with If-Match', async () => {
    await browser.switchTo('admin');
    const names = { school: 'Skolan', police: 'Polisen', office: 'BF-samordnaren' } as const;
    const kinds = { school: 'school', police: 'police', office: 'coordinator' } as const;
    for (const key of ['school', 'police', 'office'] as const) {
      const { data } = await dataProvider.create<Row<OrganisationDto>>('organisations', {
        data: { name: names[key], kind: kinds[key] },
      });
      expectDocumented('POST', '/api/organisations', data);
      organisations[key] = data.id;
    }

    const page = await dataProvider.getList<Row<OrganisationDto>>('organisations', {
      pagination: { page: 1, perPage: 2 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.data).toHaveLength(2);
    const sorted = page.data.map((o) => o.name);
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'sv')));
    expectDocumented('GET', '/api/organisations', page.data);

    const police = await dataProvider.getList<Row<OrganisationDto>>('organisations', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: { kind: 'police' },
    });
    expect(police).toMatchObject({ total: 1, data: [{ id: organisations.police, kind: 'police' }] });

    const { data: school } = await dataProvider.getOne<Row<OrganisationDto>>('organisations', {
      id: organisations.school,
    });
    expectDocumented('GET', '/api/organisations/{id}', school);
    const { data: renamed } = await dataProvider.update<Row<OrganisationDto>>('organisations', {
      id: school.id,
      data: { ...school, name: 'Skolan i Läget' },
      previousData: school,
    });
    expectDocumented('PATCH', '/api/organisations/{id}', renamed);
    expect(renamed).toMatchObject({ id: school.id, name: 'Skolan i Läget' });
    expect(renamed.version).toBeGreaterThan(school.version);
    // The same stale version again: the data provider's If-Match makes the API refuse it.
    await expect(
      dataProvider.update('organisations', { id: school.id, data: { name: 'Skolan' }, previousData: school }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('users: create (one-time password), getList with role filter and total, getOne, update', async () => {
    await createPerson('skolan.rapportor', organisations.school, ['reporter']);
    await createPerson('bf.samordnare', organisations.office, ['coordinator']);
    await browser.switchTo('admin');
    const reporters = await dataProvider.getList<Row<UserDto>>('users', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'username', order: 'ASC' },
      filter: { role: 'reporter' },
    });
    expect(reporters.total).toBe(1);
    expect(reporters.data.map((u) => u.username)).toEqual(['skolan.rapportor']);
    expectDocumented('GET', '/api/users', reporters.data);
    const all = await dataProvider.getList<Row<UserDto>>('users', {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'username', order: 'DESC' },
      filter: {},
    });
    expect(all.total).toBe(3);
    expect(all.data.map((u) => u.username)).toEqual(['skolan.rapportor']);

    const { data: reporter } = await dataProvider.getOne<Row<UserDto>>('users', {
      id: reporters.data[0]!.id,
    });
    expectDocumented('GET', '/api/users/{id}', reporter);
    const { data: updated } = await dataProvider.update<Row<UserDto>>('users', {
      id: reporter.id,
      data: { ...reporter, displayName: 'Skolans rapportör' },
      previousData: reporter,
    });
    expectDocumented('PATCH', '/api/users/{id}', updated);
    expect(updated.displayName).toBe('Skolans rapportör');
  });

  it('reports: create, update with If-Match, getList filtered by period with total, getOne', async () => {
    await browser.switchTo('skolan.rapportor');
    const { data: opened } = await dataProvider.create<Row<ReportView>>('reports', {
      data: { period, organisationId: organisations.school },
    });
    expectDocumented('POST', '/api/reports', opened);
    reportId = opened.id;
    await api(`/api/reports/${reportId}/incidents`, {
      method: 'POST',
      body: {
        problem: 'Hot mot elev på skolgården',
        location: 'Skolgården',
        occurredAt: 'Rasterna',
        frequency: 'Varje vecka',
        category: 'skadegorelse',
        assessment: { severity: 3, scope: 'E' },
      },
    });
    const { data: before } = await dataProvider.getOne<Row<ReportView>>('reports', { id: reportId });
    expectDocumented('GET', '/api/reports/{id}', before);
    const { data: narrated } = await dataProvider.update<Row<ReportView>>('reports', {
      id: reportId,
      data: { ...before, narrative: 'Lugn vecka utom rasterna.' },
      previousData: before,
    });
    expectDocumented('PATCH', '/api/reports/{id}', narrated);
    expect(narrated).toMatchObject({ id: reportId, narrative: 'Lugn vecka utom rasterna.', incidents: [{}] });
    await api(`/api/reports/${reportId}/submit`, { method: 'POST' });

    await browser.switchTo('bf.samordnare');
    const listed = await dataProvider.getList<Row<ReportSummary>>('reports', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'period', order: 'DESC' },
      filter: { period, status: 'submitted' },
    });
    expect(listed).toMatchObject({
      total: 1,
      data: [{ id: reportId, status: 'submitted', incidentCount: 1 }],
    });
    expectDocumented('GET', '/api/reports', listed.data);
    const none = await dataProvider.getList('reports', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'period', order: 'DESC' },
      filter: { period: '2024-W47' },
    });
    expect(none).toEqual({ data: [], total: 0 });
  });

  it('periods: getList sorted newest first with pagination and total, getOne', async () => {
    await browser.switchTo('bf.samordnare');
    const weeks = await dataProvider.getList<Row<PeriodView>>('periods', {
      pagination: { page: 1, perPage: 3 },
      sort: { field: 'id', order: 'DESC' },
      filter: {},
    });
    expectDocumented('GET', '/api/periods', weeks.data);
    expect(weeks.data).toHaveLength(3);
    expect(weeks.total).toBeGreaterThanOrEqual(3);
    const ids = weeks.data.map((w) => w.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const { data: week } = await dataProvider.getOne<Row<PeriodView>>('periods', { id: period });
    expectDocumented('GET', '/api/periods/{period}', week);
    expect(week.id).toBe(period);
  });

  it('places: create, update with If-Match, retire (delete), getList with total and the retired filter', async () => {
    await browser.switchTo('bf.samordnare');
    const { data: place } = await dataProvider.create<Row<PlaceView>>('places', {
      data: { name: 'Skolgården norr', kind: 'school' },
    });
    expectDocumented('POST', '/api/places', place);
    const { data: moved } = await dataProvider.update<Row<PlaceView>>('places', {
      id: place.id,
      data: { ...place, name: 'Skolgården söder' },
      previousData: place,
    });
    expectDocumented('PATCH', '/api/places/{id}', moved);
    expect(moved.name).toBe('Skolgården söder');
    // PlaceEdit is react-admin's <Edit>: it reads the place with getOne.
    const { data: read } = await dataProvider.getOne<Row<PlaceView>>('places', { id: place.id });
    expect(read).toMatchObject({ id: place.id, name: 'Skolgården söder' });
    expectDocumented('GET', '/api/places/{id}', read);
    await expect(dataProvider.getOne('places', { id: 'no-such-place' })).rejects.toMatchObject({
      status: 404,
    });
    const active = await dataProvider.getList<Row<PlaceView>>('places', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });
    expect(active).toMatchObject({ total: 1, data: [{ id: place.id, name: 'Skolgården söder' }] });
    expectDocumented('GET', '/api/places', active.data);
    await dataProvider.delete('places', { id: place.id, previousData: moved });
    const afterRetire = await dataProvider.getList<Row<PlaceView>>('places', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: {},
    });
    expect(afterRetire.total).toBe(0);
    const retired = await dataProvider.getList<Row<PlaceView>>('places', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
      filter: { retired: 'true' },
    });
    expect(retired.data.find((p) => p.id === place.id)).toMatchObject({ retired: true });
  });

  it("lägesbilder: compile, then the workspace's custom reads and changes, approve and publish", async () => {
    await browser.switchTo('bf.samordnare');
    const compiled = await lagesbildApi.compile(period, true);
    expectDocumented('POST', '/api/lagesbilder', compiled);
    const document: LagesbildDocument = await dataProvider.getLagesbild(period, 'internal');
    expectDocumented('GET', '/api/lagesbilder/{id}', document);
    expect(document).toMatchObject({ id: period, status: 'compiled', view: 'internal' });

    const edited = (await dataProvider.changeLagesbild(
      period,
      { kind: 'editSection', sectionId: 'conclusions', text: 'Fortsätt rapportera varje vecka.' },
      document.version,
    )) as LagesbildAnswers['editSection'];
    expectDocumented('PATCH', '/api/lagesbilder/{id}/sections/{sectionId}', edited);
    expect(edited.sections.find((s) => s.id === 'conclusions')).toMatchObject({
      text: 'Fortsätt rapportera varje vecka.',
    });
    await expect(
      dataProvider.changeLagesbild(
        period,
        { kind: 'editSection', sectionId: 'other', text: 'x' },
        document.version,
      ),
    ).rejects.toMatchObject({ status: 409 });

    const masked = (await dataProvider.changeLagesbild(
      period,
      {
        kind: 'redact',
        request: { text: 'varje vecka', everywhere: true, legalGround: 'OSL 26 kap. 1 §', reason: 'Prov' },
      },
      edited.version,
    )) as LagesbildAnswers['redact'];
    expectDocumented('POST', '/api/lagesbilder/{id}/redactions', masked);
    const made = 'redactions' in masked ? masked.redactions : [masked];
    expect(made.length).toBeGreaterThanOrEqual(1);
    const lifted = (await dataProvider.changeLagesbild(
      period,
      { kind: 'lift', redactionId: made[0]!.id, reason: 'Inte känsligt' },
      masked.version,
    )) as LagesbildAnswers['lift'];
    expectDocumented('DELETE', '/api/lagesbilder/{id}/redactions/{redactionId}', lifted);

    const defined = (await dataProvider.changeLagesbild(
      period,
      {
        kind: 'defineAudience',
        audience: {
          name: 'est',
          title: 'EST-gruppen',
          organisationIds: [organisations.police],
          roles: [],
          sectionIds: ['conclusions'],
          incidentIds: null,
        },
      },
      lifted.version,
    )) as LagesbildAnswers['defineAudience'];
    expectDocumented('PUT', '/api/lagesbilder/{id}/audiences/{name}', defined);

    const audiences: Audience[] = await dataProvider.getLagesbildAudiences(period);
    expectDocumented('GET', '/api/lagesbilder/{id}/audiences', audiences);
    expect(audiences.map((a) => a.name)).toEqual(['est']);
    const history: HistoryEntry[] = await dataProvider.getLagesbildHistory(period);
    expectDocumented('GET', '/api/lagesbilder/{id}/history', history);
    expect(history.length).toBeGreaterThanOrEqual(3);
    const redactions = await dataProvider.getLagesbildRedactions(period);
    expectDocumented('GET', '/api/lagesbilder/{id}/redactions', redactions);
    // Every mask the "everywhere" redaction made, except the one lifted.
    expect(redactions?.map((r) => r.id).sort()).toEqual(
      made
        .slice(1)
        .map((r) => r.id)
        .sort(),
    );
    const suggestions: RedactionSuggestion[] = await dataProvider.getLagesbildSuggestions(period);
    expectDocumented('GET', '/api/lagesbilder/{id}/redaction-suggestions', suggestions);
    const amendments: Amendment[] = await dataProvider.getLagesbildAmendments(period);
    expectDocumented('GET', '/api/lagesbilder/{id}/amendments', amendments);
    expect(amendments).toEqual([]);

    const second = (await dataProvider.changeLagesbild(
      period,
      {
        kind: 'defineAudience',
        audience: {
          name: 'skolan',
          title: 'Skolan',
          organisationIds: [organisations.school],
          roles: [],
          sectionIds: ['conclusions'],
          incidentIds: null,
        },
      },
      defined.version,
    )) as LagesbildAnswers['defineAudience'];
    const removed = (await dataProvider.changeLagesbild(
      period,
      { kind: 'removeAudience', name: 'skolan' },
      second.version,
    )) as LagesbildAnswers['removeAudience'];
    expectDocumented('DELETE', '/api/lagesbilder/{id}/audiences/{name}', removed);

    // The mask made elsewhere is suggested for the background's "Varje vecka": approval waits
    // until each suggestion is masked or dismissed.
    let version = removed.version;
    const waiting = await dataProvider.getLagesbildSuggestions(period);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    for (const suggestion of waiting) {
      const dismissed = (await dataProvider.changeLagesbild(
        period,
        { kind: 'dismiss', suggestion },
        version,
      )) as LagesbildAnswers['dismiss'];
      expectDocumented('POST', '/api/lagesbilder/{id}/redaction-suggestions/dismiss', dismissed);
      version = dismissed.version;
    }

    const approved = (await dataProvider.changeLagesbild(
      period,
      { kind: 'approve' },
      version,
    )) as LagesbildAnswers['approve'];
    expectDocumented('POST', '/api/lagesbilder/{id}/approve', approved);
    expect(approved.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const published = (await dataProvider.changeLagesbild(
      period,
      { kind: 'publish' },
      approved.version,
    )) as LagesbildAnswers['publish'];
    expectDocumented('POST', '/api/lagesbilder/{id}/publish', published);
    jobId = published.jobId;
  });

  it('jobs: getOne follows the publication job; getList by state with total; then the lägesbild is retracted', async () => {
    await browser.switchTo('admin');
    let job: JobView | undefined;
    // As PublishPanel does: the job is enqueued after the publish answer, so a 404 means "not yet".
    for (let attempt = 0; attempt < 100; attempt++) {
      job = await dataProvider.getOne<Row<JobView>>('jobs', { id: jobId }).then(
        ({ data }) => data,
        (caught: { status?: number }) => {
          if (caught.status === 404) return undefined;
          throw caught;
        },
      );
      if (job?.state === 'completed' || job?.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expectDocumented('GET', '/api/jobs/{id}', job);
    expect(job).toMatchObject({ id: jobId, state: 'completed' });
    const completed = await dataProvider.getList<Row<JobSummary>>('jobs', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'updatedAt', order: 'DESC' },
      filter: { state: 'completed' },
    });
    expectDocumented('GET', '/api/jobs', completed.data);
    expect(completed.total).toBeGreaterThanOrEqual(1);
    expect(completed.data.map((j) => j.id)).toContain(jobId);
    expect(completed.data.every((j) => j.state === 'completed')).toBe(true);

    await browser.switchTo('bf.samordnare');
    const live = await dataProvider.getLagesbild(period, 'internal');
    const retracted = (await dataProvider.changeLagesbild(
      period,
      { kind: 'retract', reason: 'Prov av återkallelse' },
      live.version,
    )) as LagesbildAnswers['retract'];
    expectDocumented('POST', '/api/lagesbilder/{id}/retract', retracted);
    expect(retracted.version).toBeGreaterThan(live.version);
  });

  it('audit: getList newest first with pagination, total and a type filter', async () => {
    await browser.switchTo('admin');
    const newest = await dataProvider.getList<Row<AuditEntry>>('audit', {
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'occurredAt', order: 'DESC' },
      filter: {},
    });
    expectDocumented('GET', '/api/audit', newest.data);
    expect(newest.data).toHaveLength(5);
    expect(newest.total).toBeGreaterThan(5);
    const positions = newest.data.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    const type = newest.data.at(-1)!.type;
    const ofType = await dataProvider.getList<Row<AuditEntry>>('audit', {
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'occurredAt', order: 'DESC' },
      filter: { type },
    });
    expect(ofType.total).toBeGreaterThanOrEqual(1);
    expect(ofType.total).toBeLessThan(newest.total!);
    expect(ofType.data.every((e) => e.type === type)).toBe(true);
  });
});
