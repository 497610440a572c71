import { DEFAULT_CRIME_CATEGORIES, MASK_MARKER } from '@laget/contracts';
import { statisticsSnapshot } from '../reporting/submitted-snapshot.js';
import { type LagesbildCommand, type LagesbildState, lagesbildDecider } from './lagesbild.decider.js';
import { openDocument } from './lagesbild-views.js';
import { statisticsSentence } from './statistics-sentence.js';
import type { SubmittedReportSnapshot } from './submitted-report-snapshot.js';

const labelOf = new Map(DEFAULT_CRIME_CATEGORIES.map((category) => [category.key, category.label]));
const statistics = statisticsSnapshot(
  {
    handelserapporter: 29,
    arenden: 13,
    brott: 21,
    note: 'Huvudsakligen egeninitierat.',
    categories: [
      { category: 'bedrageri', count: 2 },
      { category: 'sexualbrott', count: 1, note: 'Sedlighetsbrott' },
      { category: 'viltolycka', count: 1, note: 'Rådjur RV68' },
    ],
  },
  labelOf,
);
const police: SubmittedReportSnapshot = {
  reportId: 'rep-polisen',
  reportVersion: 1,
  organisationId: 'polisen',
  organisationName: 'Polisen',
  narrative: { kind: 'text', text: 'Lugn vecka.' },
  incidents: [],
  statistics,
};

const decider = lagesbildDecider();
const actorId = 'user-coordinator';
const apply = (state: LagesbildState, command: LagesbildCommand) =>
  decider.decide(command, state).reduce(decider.evolve, state);
const compiled = (report: SubmittedReportSnapshot = police) =>
  apply(decider.initialState(), {
    type: 'CompileLagesbild',
    data: { period: '2024-W48', background: 'Bakgrund.', reports: [report], actorId },
  });
const redact = (
  state: LagesbildState,
  redactionId: string,
  path: string,
  target: { kind: 'exclude' } | { kind: 'mask'; start: number; end: number },
) =>
  apply(state, {
    type: 'ApplyRedaction',
    data: {
      redactionId,
      sectionId: 'police-statistics',
      path,
      target,
      legalGround: 'OSL 18 kap. 1 §',
      reason: 'Pekar ut en enskild',
      actorId,
    },
  });
const rowIndex = (key: string) => statistics.items.findIndex((item) => item.key === key);
const openText = (state: LagesbildState) =>
  openDocument(state, 1).sections.find((section) => section.id === 'police-statistics')?.text;

describe('the police paragraph', () => {
  it('is generated from the rows as the seed writes it, the total’s note included', () => {
    expect(statistics.text).toBe(
      '29 händelserapporter, huvudsakligen egeninitierat. 13 ärenden med sammanlagt 21 brott; ' +
        '2 bedrägeri, 1 sexualbrott (Sedlighetsbrott), 1 viltolycka (Rådjur RV68).',
    );
    expect(statisticsSentence(statistics.items)).toBe(statistics.text);
  });

  it('says only what the rows given hold, one paragraph per report', () => {
    const rows = statistics.items;
    const without = (...keys: string[]) => rows.filter((row) => !keys.includes(row.key));
    expect(statisticsSentence(without('sexualbrott'))).toBe(
      '29 händelserapporter, huvudsakligen egeninitierat. 13 ärenden med sammanlagt 21 brott; ' +
        '2 bedrägeri, 1 viltolycka (Rådjur RV68).',
    );
    expect(statisticsSentence(without('handelserapporter', 'arenden'))).toBe(
      '21 brott; 2 bedrägeri, 1 sexualbrott (Sedlighetsbrott), 1 viltolycka (Rådjur RV68).',
    );
    expect(statisticsSentence(without('handelserapporter', 'arenden', 'brott'))).toBe(
      '2 bedrägeri, 1 sexualbrott (Sedlighetsbrott), 1 viltolycka (Rådjur RV68).',
    );
    expect(statisticsSentence([])).toBe('');
    expect(statisticsSentence([...rows, ...without('bedrageri', 'viltolycka')])).toBe(
      `${statistics.text}\n\n29 händelserapporter, huvudsakligen egeninitierat. ` +
        '13 ärenden med sammanlagt 21 brott; 1 sexualbrott (Sedlighetsbrott).',
    );
  });
});

describe('the open version’s police paragraph', () => {
  it('given a row left out, then the open paragraph no longer names it; the internal one still does', () => {
    const state = redact(compiled(), 'r1', `/items/${rowIndex('sexualbrott')}`, { kind: 'exclude' });
    const open = openText(state);
    expect(open).toBe(
      '29 händelserapporter, huvudsakligen egeninitierat. 13 ärenden med sammanlagt 21 brott; ' +
        '2 bedrägeri, 1 viltolycka (Rådjur RV68).',
    );
    expect(JSON.stringify(openDocument(state, 1))).not.toMatch(/sexualbrott|Sedlighetsbrott/i);
    expect(state.sections.find((section) => section.id === 'police-statistics')?.text).toContain(
      '1 sexualbrott (Sedlighetsbrott)',
    );
  });

  it('given a row’s note masked, then the paragraph shows the mask where the note stood', () => {
    const state = redact(compiled(), 'r1', `/items/${rowIndex('viltolycka')}/note`, {
      kind: 'mask',
      start: 7,
      end: 11,
    });
    expect(openText(state)).toContain(`1 viltolycka (Rådjur ${MASK_MARKER})`);
    expect(openText(state)).not.toContain('RV68');
  });

  it('given a mask on the paragraph itself and a row left out, then what the mask covered stays hidden', () => {
    const text = statistics.text;
    const at = text.indexOf('Rådjur');
    let state = redact(compiled(), 'r1', '/text', { kind: 'mask', start: at, end: at + 'Rådjur'.length });
    state = redact(state, 'r2', `/items/${rowIndex('bedrageri')}`, { kind: 'exclude' });
    expect(openText(state)).toBe(
      '29 händelserapporter, huvudsakligen egeninitierat. 13 ärenden med sammanlagt 21 brott; ' +
        `1 sexualbrott (Sedlighetsbrott), 1 viltolycka (${MASK_MARKER} RV68).`,
    );
  });

  it('with nothing redacted in the rows, the paragraph is the internal one with its own masks', () => {
    const text = statistics.text;
    const at = text.indexOf('Sedlighetsbrott');
    const state = redact(compiled(), 'r1', '/text', { kind: 'mask', start: at, end: at + 15 });
    expect(openText(state)).toBe(text.replace('Sedlighetsbrott', MASK_MARKER));
  });

  it('hides a paragraph that was not generated from its rows once a row is left out (fail closed)', () => {
    const prose = { ...police, statistics: { ...statistics, text: 'Polisen skriver: 1 sexualbrott.' } };
    const state = redact(compiled(prose), 'r1', `/items/${rowIndex('sexualbrott')}`, { kind: 'exclude' });
    expect(openText(state)).toBe(MASK_MARKER);
    expect(openText(compiled(prose))).toBe('Polisen skriver: 1 sexualbrott.');
  });
});
