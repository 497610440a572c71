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
        expect.objectContaining({
          sectionId: 'org-polisen',
          path: '/text',
          ...at('Kalle Andersson'),
          kind: 'name',
          text: 'Kalle Andersson',
        }),
        expect.objectContaining({
          sectionId: 'org-polisen',
          path: '/text',
          ...at('19811218-9876'),
          kind: 'personnummer',
          text: '19811218-9876',
        }),
        expect.objectContaining({
          sectionId: 'org-polisen',
          path: '/text',
          ...at('Storgatan 14B'),
          kind: 'address',
          text: 'Storgatan 14B',
        }),
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
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      sectionId: 'conclusions',
      path: '/text',
      start: 3,
      end: 20,
      kind: 'masked_elsewhere',
      text: 'Projekt Blåsippan',
      context: 'Se Projekt Blåsippan.',
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

  it('names each suggestion by a stable id and shows up to 40 characters either side of it', () => {
    const long = `${'a'.repeat(50)} Kalle Andersson ${'b'.repeat(50)}`;
    const state = run(compile, {
      type: 'EditSection',
      data: { sectionId: 'other', text: long, actorId },
    });
    const [suggestion] = redactionSuggestions(state).filter((s) => s.sectionId === 'other');
    expect(suggestion?.context).toBe(`${'a'.repeat(39)} Kalle Andersson ${'b'.repeat(39)}`);
    expect(redactionSuggestions(state).find((s) => s.sectionId === 'other')?.id).toBe(suggestion?.id);
    const ids = redactionSuggestions(state).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The context never cuts a character made of two code units in half.
    const emoji = run(compile, {
      type: 'EditSection',
      data: { sectionId: 'other', text: `${'😀'.repeat(30)}Kalle Andersson`, actorId },
    });
    const context = redactionSuggestions(emoji).find((s) => s.sectionId === 'other')?.context ?? '';
    expect(context.endsWith('Kalle Andersson')).toBe(true);
    expect(/[\uD800-\uDFFF]/u.test(context)).toBe(false);
  });

  it('does not suggest the names of Läget’s organisations and registered places as persons', () => {
    const state = run(compile, {
      type: 'EditSection',
      data: {
        sectionId: 'other',
        text: 'Möte i Frida Hansdotter Arena och hos Erik Johansson Bygg; Frida Hansdotter själv kom.',
        actorId,
      },
    });
    const names = (notPersons: string[]) =>
      redactionSuggestions(state, { notPersons })
        .filter((s) => s.kind === 'name')
        .map((s) => `${s.sectionId}:${s.text}@${s.start}`);
    const hall = 'Frida Hansdotter Arena';
    expect(names([])).toEqual(
      expect.arrayContaining([
        'incidents:Frida Hansdotter@27',
        'other:Frida Hansdotter@7',
        'other:Erik Johansson@38',
      ]),
    );
    const without = names([hall, 'Erik Johansson Bygg']);
    // Inside the place's or the organisation's name: not a person. Standing alone: still suggested.
    expect(without).not.toContain('incidents:Frida Hansdotter@27');
    expect(without).not.toContain('other:Frida Hansdotter@7');
    expect(without).not.toContain('other:Erik Johansson@38');
    expect(without).toContain('other:Frida Hansdotter@59');
  });
});
