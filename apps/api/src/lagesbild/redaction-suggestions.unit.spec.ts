import { background, weekReports } from './fixtures/reports.fixture.js';
import { type LagesbildCommand, type LagesbildState, lagesbildDecider } from './lagesbild.decider.js';
import { redactionSuggestions } from './redaction-suggestions.js';

const decider = lagesbildDecider();
const actorId = 'user-coordinator';

function run(...commands: LagesbildCommand[]): LagesbildState {
  return commands.reduce(
    (state, command) => decider.decide(command, state).reduce(decider.evolve, state),
    decider.initialState(),
  );
}

const compile: LagesbildCommand = {
  type: 'CompileLagesbild',
  data: { period: '2024-W48', background, reports: weekReports, actorId },
};
const policeText = weekReports[0]?.narrative.kind === 'text' ? weekReports[0].narrative.text : '';
const at = (secret: string) => ({
  start: policeText.indexOf(secret),
  end: policeText.indexOf(secret) + secret.length,
});

const maskPolice = (secret: string, redactionId: string): LagesbildCommand => ({
  type: 'ApplyRedaction',
  data: {
    redactionId,
    sectionId: 'org-polisen',
    path: '/text',
    target: { kind: 'mask', ...at(secret) },
    legalGround: 'OSL 26 kap. 1 §',
    reason: 'Uppgift om enskild',
    actorId,
  },
});

describe('redaction suggestions for a lägesbild', () => {
  it('suggests personal data with section, path and offsets into the internal view', () => {
    const suggestions = redactionSuggestions(run(compile));
    expect(suggestions).toEqual(
      expect.arrayContaining([
        {
          sectionId: 'org-polisen',
          path: '/text',
          ...at('Kalle Andersson'),
          kind: 'name',
          text: 'Kalle Andersson',
        },
        {
          sectionId: 'org-polisen',
          path: '/text',
          ...at('19811218-9876'),
          kind: 'personnummer',
          text: '19811218-9876',
        },
        {
          sectionId: 'org-polisen',
          path: '/text',
          ...at('Storgatan 14B'),
          kind: 'address',
          text: 'Storgatan 14B',
        },
        expect.objectContaining({
          sectionId: 'incidents',
          path: '/items/0/problem',
          kind: 'phone',
          text: '070-174 06 05',
        }),
        expect.objectContaining({
          sectionId: 'incidents',
          path: '/items/0/comment',
          kind: 'name',
          text: 'Åsa Öberg',
        }),
      ]),
    );
  });

  it('does not suggest what is already masked or left out', () => {
    const state = run(compile, maskPolice('Kalle Andersson', 'r1'), {
      type: 'ApplyRedaction',
      data: {
        redactionId: 'r2',
        sectionId: 'incidents',
        path: '/items/0',
        target: { kind: 'exclude' },
        legalGround: 'GDPR art. 10',
        reason: 'x',
        actorId,
      },
    });
    const texts = redactionSuggestions(state).map((s) => s.text);
    expect(texts).not.toContain('Kalle Andersson');
    expect(texts).not.toContain('070-174 06 05');
    expect(texts).toContain('19811218-9876');
  });

  it('flags another occurrence of a masked text, even one no rule would find', () => {
    const state = run(
      compile,
      { type: 'EditSection', data: { sectionId: 'other', text: 'Projekt Blåsippan fortsätter.', actorId } },
      { type: 'EditSection', data: { sectionId: 'conclusions', text: 'Se Projekt Blåsippan.', actorId } },
      {
        type: 'ApplyRedaction',
        data: {
          redactionId: 'r1',
          sectionId: 'other',
          path: '/text',
          target: { kind: 'mask', start: 0, end: 17 },
          legalGround: 'OSL 18 kap. 1 §',
          reason: 'Pågående insats',
          actorId,
        },
      },
    );
    expect(redactionSuggestions(state)).toContainEqual({
      sectionId: 'conclusions',
      path: '/text',
      start: 3,
      end: 20,
      kind: 'masked_elsewhere',
      text: 'Projekt Blåsippan',
    });
  });

  it('does not repeat a dismissed suggestion while its text is unchanged, and does once it changes', () => {
    const write = (text: string): LagesbildCommand => ({
      type: 'EditSection',
      data: { sectionId: 'other', text, actorId },
    });
    const dismiss: LagesbildCommand = {
      type: 'DismissSuggestion',
      data: {
        sectionId: 'other',
        path: '/text',
        start: 8,
        end: 20,
        kind: 'address',
        reason: 'Kommunhuset',
        actorId,
      },
    };
    const addresses = (state: LagesbildState) =>
      redactionSuggestions(state)
        .filter((s) => s.sectionId === 'other')
        .map((s) => s.text);
    expect(addresses(run(compile, write('Möte på Kvarngatan 3.')))).toEqual(['Kvarngatan 3']);
    expect(addresses(run(compile, write('Möte på Kvarngatan 3.'), dismiss))).toEqual([]);
    expect(
      addresses(run(compile, write('Möte på Kvarngatan 3.'), dismiss, write('Möte på Kvarngatan 3 i dag.'))),
    ).toEqual(['Kvarngatan 3']);
  });

  it('uses the names in Läget’s records', () => {
    const state = run(compile, {
      type: 'EditSection',
      data: { sectionId: 'conclusions', text: 'Kontakta BF-samordnare Xenia Quist vid problem.', actorId },
    });
    expect(redactionSuggestions(state).some((s) => s.text === 'Xenia Quist')).toBe(false);
    expect(redactionSuggestions(state, { knownNames: ['Xenia Quist'] })).toContainEqual(
      expect.objectContaining({ sectionId: 'conclusions', kind: 'name', text: 'Xenia Quist' }),
    );
  });
});
