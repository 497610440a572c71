import { MASK_MARKER } from '@laget/contracts';
import { dismissEverySuggestion, scenario } from './fixtures/lagesbild-scenario.js';
import { background, police, school } from './fixtures/reports.fixture.js';
import type { LagesbildCommand, LagesbildEvent } from './lagesbild.decider.js';
import { openDocument } from './lagesbild-views.js';

const coordinator = 'user-coordinator';
// The same person in two organisations' reports: the police narrative and the school's incident.
const schoolNamingHim = {
  ...school,
  narrative: {
    kind: 'text' as const,
    text: 'Eleven har setts med Kalle Andersson och KALLE ANDERSSONS bror.',
  },
};
const compile: LagesbildCommand = {
  type: 'CompileLagesbild',
  data: { period: '2024-W48', background, reports: [police, schoolNamingHim], actorId: coordinator },
};
const everywhere = (
  text: string,
  extra: Partial<{ legalGround: string; reason: string }> = {},
): LagesbildCommand => ({
  type: 'MaskEverywhere',
  data: {
    text,
    legalGround: extra.legalGround ?? 'GDPR art. 10',
    reason: extra.reason ?? 'Pekar ut en enskild',
    redactionIdPrefix: 'req-1',
    actorId: coordinator,
  },
});
const policeText = police.narrative.kind === 'text' ? police.narrative.text : '';
const maskOnce: LagesbildCommand = {
  type: 'ApplyRedaction',
  data: {
    redactionId: 'r-once',
    sectionId: 'org-polisen',
    path: '/text',
    target: {
      kind: 'mask',
      start: policeText.indexOf('Kalle Andersson'),
      end: policeText.indexOf('Kalle Andersson') + 15,
    },
    legalGround: 'GDPR art. 10',
    reason: 'Pekar ut en enskild',
    actorId: coordinator,
  },
};
const applied = (events: LagesbildEvent[]) =>
  events.flatMap((event) => (event.type === 'RedactionApplied' ? [event.data] : []));

describe('mask every occurrence ("Maskera alla förekomster")', () => {
  it('given a name in two organisations’ reports, when masking it everywhere, then each occurrence is its own recorded redaction', () => {
    const { given, history } = scenario();
    const events = given(...history(compile))
      .when(everywhere('Kalle Andersson'))
      .events();
    const made = applied(events);
    expect(made.map((data) => [data.redaction.id, data.redaction.target.sectionId, data.path])).toEqual([
      ['req-1-1', 'org-polisen', '/text'],
      ['req-1-2', 'org-skolan', '/text'],
      ['req-1-3', 'org-skolan', '/text'],
    ]);
    expect(new Set(made.map((data) => `${data.redaction.legalGround}|${data.redaction.reason}`))).toEqual(
      new Set(['GDPR art. 10|Pekar ut en enskild']),
    );
    expect(made.every((data) => data.by === coordinator)).toBe(true);
    // The genitive in capitals is the same name, and the whole word is hidden.
    const school = made.filter((data) => data.redaction.target.sectionId === 'org-skolan');
    const text = schoolNamingHim.narrative.text;
    expect(
      school.map((data) =>
        data.redaction.kind === 'mask' ? text.slice(data.redaction.start, data.redaction.end) : '',
      ),
    ).toEqual(['Kalle Andersson', 'KALLE ANDERSSONS']);
  });

  it('given a mask on one occurrence only (the published leak), approval waits; masking everywhere clears it', () => {
    const { given, history } = scenario();
    const dismissOthers = dismissEverySuggestion(coordinator);
    // The mask on the police text leaves the name standing in the school's report.
    const leak = given(...history(compile, maskOnce));
    const open = JSON.stringify(openDocument(leak.state, 1));
    expect(open).toContain('Kalle Andersson');
    const refused = leak
      .when({ type: 'ApproveLagesbild', data: { actorId: coordinator } })
      .thenRefuses('conflict');
    expect(refused.details?.unhandledSuggestions).toEqual(
      expect.arrayContaining([expect.objectContaining({ sectionId: 'org-skolan', text: 'Kalle Andersson' })]),
    );

    const fixed = given(...history(compile, maskOnce, everywhere('Kalle Andersson'), dismissOthers));
    expect(
      applied(history(compile, maskOnce, everywhere('Kalle Andersson'))).map((data) => data.redaction.id),
    ).toEqual(['r-once', 'req-1-1', 'req-1-2']);
    const openAfter = JSON.stringify(openDocument(fixed.state, 1));
    expect(openAfter).not.toMatch(/kalle andersson/i);
    expect(openAfter).toContain(MASK_MARKER);
    expect(fixed.when({ type: 'ApproveLagesbild', data: { actorId: coordinator } }).events()[0]?.type).toBe(
      'LagesbildApproved',
    );
  });

  it('refuses what cannot be defended or is not there', () => {
    const { given, history } = scenario();
    const week = given(...history(compile));
    week
      .when(everywhere('Kalle Andersson', { legalGround: 'Tycke' }))
      .thenRefuses('invalid', /legal grounds/);
    week.when(everywhere('Kalle Andersson', { reason: ' ' })).thenRefuses('invalid', /reason/);
    week.when(everywhere('Olle Okänd')).thenRefuses('rule', /does not occur/);
    // A part of a word is no occurrence: "Kall" is not in "Kalle".
    week.when(everywhere('Kall')).thenRefuses('rule', /does not occur/);
    const masked = given(...history(compile, everywhere('Kalle Andersson')));
    masked.when(everywhere('Kalle Andersson')).thenRefuses('rule', /already masked/);
    given().when(everywhere('Kalle Andersson')).thenRefuses('not_found');
  });
});
