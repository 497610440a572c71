import type { UnhandledSuggestion } from '@laget/contracts';
import { dismissEverySuggestion, scenario } from './fixtures/lagesbild-scenario.js';
import { background, weekReports } from './fixtures/reports.fixture.js';
import type { LagesbildCommand } from './lagesbild.decider.js';
import { redactionSuggestions } from './redaction-suggestions.js';

const coordinator = 'user-coordinator';
const compile: LagesbildCommand = {
  type: 'CompileLagesbild',
  data: { period: '2024-W48', background, reports: weekReports, actorId: coordinator },
};
const approve = (scanner = {}): LagesbildCommand => ({
  type: 'ApproveLagesbild',
  data: { actorId: coordinator, scanner },
});
const mask = (
  sectionId: string,
  path: string,
  start: number,
  end: number,
  redactionId: string,
): LagesbildCommand => ({
  type: 'ApplyRedaction',
  data: {
    redactionId,
    sectionId,
    path,
    target: { kind: 'mask', start, end },
    legalGround: 'GDPR art. 10',
    reason: 'Pekar ut en enskild',
    actorId: coordinator,
  },
});

describe('approval waits for every suggestion', () => {
  it('given a compiled week with names in it, when approving, then 409 lists each suggestion still waiting', () => {
    const { given, history } = scenario();
    const week = given(...history(compile));
    const error = week.when(approve()).thenRefuses('conflict', /neither masked nor dismissed/);
    const unhandled = error.details?.unhandledSuggestions as UnhandledSuggestion[];
    expect(unhandled).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sectionId: 'org-polisen',
          path: '/text',
          kind: 'name',
          text: 'Kalle Andersson',
        }),
        expect.objectContaining({ sectionId: 'org-polisen', kind: 'personnummer', text: '19811218-9876' }),
        expect.objectContaining({
          sectionId: 'incidents',
          path: '/items/0/comment',
          kind: 'name',
          text: 'Åsa Öberg',
        }),
      ]),
    );
    expect(unhandled).toHaveLength(redactionSuggestions(week.state).length);
    expect(unhandled[0]).toEqual({
      id: expect.any(String),
      sectionId: expect.any(String),
      path: expect.any(String),
      start: expect.any(Number),
      end: expect.any(Number),
      kind: expect.any(String),
      text: expect.any(String),
      context: expect.any(String),
    });
  });

  it('given every suggestion masked or dismissed, when approving, then the open version is approved', () => {
    const { given, history } = scenario();
    const police = weekReports[0]?.narrative.kind === 'text' ? weekReports[0].narrative.text : '';
    const at = police.indexOf('Kalle Andersson');
    const events = history(
      compile,
      mask('org-polisen', '/text', at, at + 'Kalle Andersson'.length, 'r1'),
      dismissEverySuggestion(coordinator),
    );
    expect(events.filter((event) => event.type === 'SuggestionDismissed').length).toBeGreaterThan(0);
    expect(
      given(...events)
        .when(approve())
        .events()[0]?.type,
    ).toBe('LagesbildApproved');
  });

  it('given a dismissed suggestion whose text is then edited, when approving, then it waits again', () => {
    const { given, history } = scenario();
    const write = (text: string): LagesbildCommand => ({
      type: 'EditSection',
      data: { sectionId: 'other', text, actorId: coordinator },
    });
    const events = history(
      compile,
      write('Ring Kvarngatan 3.'),
      dismissEverySuggestion(coordinator),
      write('Ring Kvarngatan 3 nu.'),
    );
    const error = given(...events)
      .when(approve())
      .thenRefuses('conflict');
    expect(error.details?.unhandledSuggestions).toEqual([
      expect.objectContaining({ sectionId: 'other', kind: 'address', text: 'Kvarngatan 3' }),
    ]);
  });

  it('does not wait for organisation or place names the scanner is told are not persons', () => {
    const { given, history } = scenario();
    const notPersons = ['Frida Hansdotter Arena'];
    // Everything but the arena's name is dismissed; with the register it is no suggestion at all.
    const events = history(compile, dismissEverySuggestion(coordinator, { notPersons }));
    given(...events)
      .when(approve())
      .thenRefuses('conflict', /1 redaction suggestion/);
    expect(
      given(...events)
        .when(approve({ notPersons }))
        .events()[0]?.type,
    ).toBe('LagesbildApproved');
  });
});
