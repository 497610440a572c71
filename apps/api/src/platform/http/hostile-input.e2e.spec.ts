import type { EventStore } from '@laget/event-store';
import { describeWith } from '../../../../../test/support/services.js';
import { EVENT_STORE } from '../platform.tokens.js';
import { PLACE_REGISTER_STREAM } from '../../reporting/place-register.decider.js';
import { MAX_FIELD_PROBLEMS } from './validation.js';
import { expectOk, HOSTILE_WEEK, startHostileWeek, type HostileWeek } from './testing/hostile-input-kit.js';

/**
 * Issue 13, "one character wedges the log" and "500s on odd input", seen over HTTP: hostile text
 * is refused at the edge with a 400 naming the field, odd path ids, query values and sort keys
 * are a 400 or 404, never a 500, and a prototype name is no place.
 */
describeWith(['postgres'], 'hostile input over HTTP', () => {
  let week: HostileWeek;

  beforeAll(async () => {
    week = await startHostileWeek('postgres');
  }, 180_000);
  afterAll(() => week?.app.close());

  const fieldsOf = (body: { details?: Array<{ field: string }> }) => body.details?.map((d) => d.field);

  it('refuses a lone surrogate in a report narrative with 400 naming `narrative`, and stores nothing', async () => {
    const answer = await week.schoolReporter.patch(`/api/reports/${week.schoolReportId}`, {
      narrative: 'Lugn vecka \ud800',
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['body.narrative']);
    expect(answer.body.details[0].message).toMatch(
      /^Rapporttext: innehåller ett ensamt surrogattecken \(U\+D800\).* \/ narrative: contains a lone surrogate/,
    );
    const report = await week.schoolReporter.get(`/api/reports/${week.schoolReportId}`);
    expect(report.body.narrative).toBe('');
  });

  it('refuses NUL, U+FFFF and C1 controls in incidents, naming each field', async () => {
    const added = await week.schoolReporter.post(`/api/reports/${week.schoolReportId}/incidents`, {
      problem: 'Hot\u0000',
      location: 'Gården\uFFFF',
      comment: 'Kontakt\u0085',
      category: 'skadegorelse',
      assessment: { severity: 2, scope: 'E' },
    });
    expect(added.status).toBe(400);
    expect(fieldsOf(added.body)?.sort()).toEqual(['body.comment', 'body.location', 'body.problem']);
    const edited = await week.schoolReporter.patch(
      `/api/reports/${week.schoolReportId}/incidents/${week.incidentId}`,
      { comment: '\udc00' },
    );
    expect(edited.status).toBe(400);
    expect(fieldsOf(edited.body)).toEqual(['body.comment']);
  });

  it('keeps what a person types: line ends as \\n, å as one character (NFC)', async () => {
    const answer = await week.policeReporter.patch(`/api/reports/${week.policeReportId}`, {
      narrative: 'Rad ett\r\nRad tva\u0308\tflik 🚲',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.narrative).toBe('Rad ett\nRad tvä\tflik 🚲');
  });

  it('refuses NUL in a coordinator section text with 400 naming `text`', async () => {
    expect((await week.schoolReporter.post(`/api/reports/${week.schoolReportId}/submit`, {})).status).toBe(
      200,
    );
    expectOk(
      await week.coordinator.post('/api/lagesbilder', { period: HOSTILE_WEEK, confirmEarly: true }),
      'compile',
    );
    const answer = await week.coordinator.patch(`/api/lagesbilder/${HOSTILE_WEEK}/sections/conclusions`, {
      text: 'Slutsats\u0000',
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['body.text']);
    const redaction = await week.coordinator.post(`/api/lagesbilder/${HOSTILE_WEEK}/redactions`, {
      sectionId: 'incidents',
      path: '/items/0/problem',
      start: 0,
      end: 3,
      legalGround: 'OSL 26 kap. 1 §',
      reason: 'Uppgift om enskild\ud83d',
    });
    expect(redaction.status).toBe(400);
    expect(fieldsOf(redaction.body)).toEqual(['body.reason']);
    expect(
      (await week.app.app.get<EventStore>(EVENT_STORE).readStream(`lagesbild-${HOSTILE_WEEK}`)).map(
        (e) => e.type,
      ),
    ).toEqual(['LagesbildCompiled']);
  });

  it('refuses hostile names, places and reasons in identity and the place register', async () => {
    const organisation = await week.admin.post('/api/organisations', { name: 'Skola\u0000', kind: 'school' });
    expect(organisation.status).toBe(400);
    expect(fieldsOf(organisation.body)).toEqual(['body.name']);
    const user = await week.admin.patch(`/api/users/${week.users.schoolReporter}`, {
      displayName: 'Kalle \u202Eannik',
    });
    expect(user.status).toBe(400);
    expect(fieldsOf(user.body)).toEqual(['body.displayName']);
    const place = await week.coordinator.post('/api/places', { name: 'Torg\uFDD0', kind: 'square' });
    expect(place.status).toBe(400);
    expect(fieldsOf(place.body)).toEqual(['body.name']);
    const reopen = await week.coordinator.post(`/api/reports/${week.schoolReportId}/reopen`, {
      reason: '\u0000',
    });
    expect(reopen.status).toBe(400);
    expect(fieldsOf(reopen.body)).toEqual(['body.reason']);
  });

  it('answers NUL in the login username (before login) with 400 naming `username`', async () => {
    const answer = await week.anonymous.post('/api/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['body.username']);
  });

  it.each([
    ['/api/users/%00', 'params.id'],
    ['/api/organisations/%00', 'params.id'],
    [`/api/reports/x%00`, 'params.id'],
    ['/api/reports/x%EF%BF%BF', 'params.id'],
    ['/api/users?organisationId=%00', 'query.organisationId'],
    ['/api/reports?organisationId=%00', 'query.organisationId'],
    ['/api/audit?stream=%00', 'query.stream'],
    ['/api/jobs/%00', 'params.id'],
    [`/api/lagesbilder/${HOSTILE_WEEK}/sections/%00`, 'params.sectionId'],
  ])('GET %s: 400 naming %s, never a 500', async (path, field) => {
    const answer = path.includes('/sections/')
      ? await week.coordinator.patch(path, { text: 'x' })
      : await week.admin.get(path);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual([field]);
  });

  it('answers NUL in the path of a command with 400 before anything is recorded', async () => {
    const store = week.app.app.get<EventStore>(EVENT_STORE);
    const before = (await store.readStream(PLACE_REGISTER_STREAM)).length;
    expect((await week.coordinator.patch('/api/places/%00', { name: 'Torg' })).status).toBe(400);
    expect((await week.schoolReporter.post('/api/reports/%00/submit', {})).status).toBe(400);
    expect((await store.readStream(PLACE_REGISTER_STREAM)).length).toBe(before);
  });

  it.each(['/api/users', '/api/organisations'])(
    '%s?sort=constructor or __proto__ is an unknown sort key, ignored (200), never ORDER BY',
    async (path) => {
      for (const sort of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        const answer = await week.admin.get(`${path}?sort=${sort}&order=DESC`);
        expect({ sort, status: answer.status }).toEqual({ sort, status: 200 });
        expect(Array.isArray(answer.body)).toBe(true);
      }
    },
  );

  it('PATCH /api/places/__proto__ is 404 and records nothing; so is DELETE', async () => {
    const store = week.app.app.get<EventStore>(EVENT_STORE);
    const before = (await store.readStream(PLACE_REGISTER_STREAM)).length;
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const edited = await week.coordinator.patch(`/api/places/${id}`, { name: 'Nytt namn' });
      expect({ id, status: edited.status }).toEqual({ id, status: 404 });
      const retired = await week.coordinator.delete(`/api/places/${id}`);
      expect({ id, status: retired.status }).toEqual({ id, status: 404 });
    }
    expect((await store.readStream(PLACE_REGISTER_STREAM)).length).toBe(before);
    const places = await week.coordinator.get('/api/places');
    expect(places.body.map((p: { id: string }) => p.id)).toEqual([week.placeId]);
  });

  it(`lists at most ${MAX_FIELD_PROBLEMS} fields in a validation reply and says how many more`, async () => {
    const categories = Array.from({ length: 30 }, () => ({ category: '', count: -1 }));
    const answer = await week.policeReporter.patch(`/api/reports/${week.policeReportId}`, {
      statistics: { handelserapporter: 1, arenden: 1, brott: 1, categories },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toHaveLength(MAX_FIELD_PROBLEMS);
    expect(answer.body.message).toMatch(/och 40 fält till \/ and 40 more fields/);
  });

  it('sweep: prototype names and odd characters in every path id and query are 4xx, never 5xx', async () => {
    const oddIds = [
      '%00',
      '__proto__',
      'constructor',
      'prototype',
      '%EF%BF%BE',
      '%C2%85',
      'x'.repeat(300),
      '%2e%2e',
      '%20',
    ];
    const paths = (id: string) => [
      `/api/users/${id}`,
      `/api/organisations/${id}`,
      `/api/reports/${id}`,
      `/api/reports/${week.schoolReportId}/incidents/${id}`,
      `/api/periods/${id}`,
      `/api/lagesbilder/${id}`,
      `/api/lagesbilder/${HOSTILE_WEEK}/audiences/${id}`,
      `/api/lagesbilder/${HOSTILE_WEEK}/redactions/${id}/reconfirm`,
      `/api/lagesbilder/${HOSTILE_WEEK}/redactions/${id}`,
      `/api/lagesbilder/${HOSTILE_WEEK}/reports/${id}/take-in`,
      `/api/lagesbilder/${HOSTILE_WEEK}/sections/${id}`,
      `/api/jobs/${id}`,
      `/api/auth/tokens/${id}`,
      `/api/places/${id}`,
      `/api/areas/${id}`,
      `/api/areas?sort=${id}&q=${id}&page=${id}`,
      `/api/map/incidents?from=${id}&to=${id}&category=${id}`,
      `/api/map/places?from=2024-W48&to=2024-W48&organisationId=${id}`,
      `/public/lagesbilder/${id}`,
      `/public/lagesbilder/${HOSTILE_WEEK}/${id}`,
      `/api/users?organisationId=${id}&sort=${id}&role=${id}`,
      `/api/organisations?sort=${id}&kind=${id}&active=${id}`,
      `/api/reports?organisationId=${id}&period=${id}&sort=${id}&status=${id}`,
      `/api/periods?sort=${id}&page=${id}`,
      `/api/places?retired=${id}`,
      `/api/audit?stream=${id}&actor=${id}&type=${id}&sort=${id}`,
      `/api/jobs?state=${id}&sort=${id}`,
      `/api/lagesbilder/${HOSTILE_WEEK}?view=${id}`,
      `/public/lagesbilder?embed=${id}`,
    ];
    const seen: string[] = [];
    for (const id of oddIds) {
      for (const path of paths(id)) {
        // Reads as everyone, commands as the coordinator (who may send most of them), side by side.
        const answers = await Promise.all([
          ...[week.coordinator, week.admin, week.anonymous].map(
            async (client) => ['GET', await client.get(path)] as const,
          ),
          ...['PATCH', 'POST', 'DELETE', 'PUT'].map(
            async (method) => [method, await week.coordinator.request(method, path, {})] as const,
          ),
        ]);
        for (const [method, answer] of answers) {
          if (answer.status >= 500)
            seen.push(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        }
      }
    }
    expect(seen).toEqual([]);
  }, 120_000);
});
