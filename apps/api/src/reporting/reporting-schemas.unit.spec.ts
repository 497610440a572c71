import {
  addIncidentRequestSchema,
  editIncidentRequestSchema,
  editReportRequestSchema,
  MAX_TEXT_LENGTH,
  openReportRequestSchema,
  registerPlaceRequestSchema,
} from '@laget/contracts';

const incident = {
  problem: 'Skadegörelse på handfat på Frida Hansdotter Arena',
  location: 'Inne på toaletten',
  occurredAt: '250107',
  frequency: '',
  category: 'skadegorelse',
  assessment: { severity: 2, scope: 'EA' },
  comment: 'Söndersparkat vattenlås.',
};

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
}

describe('reporting request schemas (the edge: limits, unknown fields, clean text)', () => {
  it('accepts the seed incident as written', () => {
    expect(addIncidentRequestSchema.parse(incident)).toMatchObject(incident);
  });

  it('fills optional incident texts with empty strings', () => {
    expect(
      addIncidentRequestSchema.parse({
        problem: 'Klotter',
        category: 'skadegorelse',
        assessment: { severity: 1, scope: 'A' },
      }),
    ).toMatchObject({
      location: '',
      occurredAt: '',
      frequency: '',
      comment: '',
    });
  });

  it('refuses unknown fields, naming them, Swedish first', () => {
    const issues = issuesOf(addIncidentRequestSchema.safeParse({ ...incident, status: 'submitted' }));
    expect(issues).toEqual([
      { path: '', message: expect.stringMatching(/^Begäran: okända fält status \/ /) },
    ]);
    expect(
      issuesOf(openReportRequestSchema.safeParse({ period: '2024-W48', organisationId: 'x', extra: 1 })),
    ).toHaveLength(1);
  });

  it('refuses unknown fields inside nested objects too', () => {
    const issues = issuesOf(
      addIncidentRequestSchema.safeParse({ ...incident, assessment: { severity: 2, scope: 'E', x: 1 } }),
    );
    expect(issues[0]?.path).toBe('assessment');
  });

  it(`limits text fields to ${MAX_TEXT_LENGTH} characters and says which`, () => {
    const issues = issuesOf(
      addIncidentRequestSchema.safeParse({ ...incident, comment: 'a'.repeat(MAX_TEXT_LENGTH + 1) }),
    );
    expect(issues).toEqual([
      {
        path: 'comment',
        message: expect.stringMatching(/^Kommentar: högst 4\s000 tecken \/ comment: at most 4,000/),
      },
    ]);
    expect(
      addIncidentRequestSchema.safeParse({ ...incident, comment: 'a'.repeat(MAX_TEXT_LENGTH) }).success,
    ).toBe(true);
  });

  it('requires a problem and says so in both languages', () => {
    const issues = issuesOf(addIncidentRequestSchema.safeParse({ ...incident, problem: '   ' }));
    expect(issues).toEqual([
      { path: 'problem', message: 'Problematik: får inte vara tom / problem: must not be empty' },
    ]);
  });

  it.each([0, 6, 2.5, '3', null])('refuses severity %j', (severity) => {
    const issues = issuesOf(
      addIncidentRequestSchema.safeParse({ ...incident, assessment: { severity, scope: 'E' } }),
    );
    expect(issues[0]).toMatchObject({
      path: 'assessment.severity',
      message: expect.stringContaining('Allvarlighetsgrad'),
    });
  });

  it('keeps line breaks, tabs, å ä ö and emoji (as NFC); refuses control characters, naming the field', () => {
    expect(editReportRequestSchema.parse({ narrative: 'Rad 1\r\nRad 2\ta\u030A ä ö 🚲' }).narrative).toBe(
      'Rad 1\nRad 2\tå ä ö 🚲',
    );
    for (const hostile of [
      'Lugnt\u0000 just nu.',
      'Lugnt\u001B',
      'Lugnt \ud800',
      'Lugnt \uFFFF',
      'Lugnt\u202E',
    ]) {
      expect(issuesOf(editReportRequestSchema.safeParse({ narrative: hostile }))).toEqual([
        {
          path: 'narrative',
          message: expect.stringMatching(/^Rapporttext: innehåller .* \/ narrative: contains /),
        },
      ]);
    }
  });

  it('keeps HTML as plain text (nothing is interpreted, nothing is silently removed)', () => {
    expect(editReportRequestSchema.parse({ narrative: '<script>alert(1)</script>' }).narrative).toBe(
      '<script>alert(1)</script>',
    );
  });

  it('takes partial incident edits but refuses wrong types', () => {
    expect(editIncidentRequestSchema.parse({ assessment: { severity: 4 } })).toEqual({
      assessment: { severity: 4 },
    });
    expect(issuesOf(editIncidentRequestSchema.safeParse({ comment: 5 }))[0]).toMatchObject({
      path: 'comment',
    });
  });

  it('validates police statistics counts', () => {
    const statistics = { handelserapporter: 29, arenden: 13, brott: -1, categories: [] };
    expect(issuesOf(editReportRequestSchema.safeParse({ statistics }))[0]).toMatchObject({
      path: 'statistics.brott',
    });
  });

  it('refuses coordinates outside WGS84', () => {
    const issues = issuesOf(
      registerPlaceRequestSchema.safeParse({
        name: 'Unkan',
        kind: 'youth_centre',
        coordinates: { lat: 91, lon: 15 },
      }),
    );
    expect(issues[0]).toMatchObject({ path: 'coordinates.lat' });
  });

  it('refuses periods that are not ISO weeks', () => {
    expect(
      issuesOf(openReportRequestSchema.safeParse({ period: '2024-48', organisationId: 'x' }))[0],
    ).toMatchObject({ path: 'period' });
  });
});
