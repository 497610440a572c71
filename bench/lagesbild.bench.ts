import { performance } from 'node:perf_hooks';
import {
  type LagesbildCommand,
  type LagesbildEvent,
  type LagesbildState,
  lagesbildDecider,
} from '../apps/api/src/lagesbild/lagesbild.decider.js';
import {
  internalDocument,
  openContentHash,
  openDocument,
} from '../apps/api/src/lagesbild/lagesbild-views.js';
import { redactionSuggestions } from '../apps/api/src/lagesbild/redaction-suggestions.js';
import { textFields } from '../apps/api/src/lagesbild/redaction-target.js';
import type { SubmittedReportSnapshot } from '../apps/api/src/lagesbild/submitted-report-snapshot.js';
import { scanText } from '../apps/api/src/lagesbild/suggestion-scanner.js';

/**
 * The lägesbild's pure work at a large municipality's scale (issue 5, "Benchmark"): 40
 * organisations × 30 incidents with 300 redactions. Compile = folding the stream (the compile
 * event and the 300 redaction events) into state, as every request does; then the open view.
 * Target: both under 200 ms. Suggestion scanning in characters per second; target ≥ 1 MB/s.
 * Each figure sits beside a baseline from the same run: structuredClone of the same document, and
 * one plain regular-expression pass over the same text.
 */
const organisations = 40;
const incidentsPerOrganisation = 30;
const redactionCount = 300;
const actorId = 'bench-coordinator';

const phrases = [
  'Skadegörelse på handfat vid idrottshallen',
  'Klotter på väggen vid busshållplatsen i centrum',
  'Ungdomar samlas sent på kvällen vid torget och det upplevs otryggt',
  'Försök till bedrägeri mot äldre via telefon',
  'Inbrott i förråd, flera cyklar stulna',
  'Narkotikaaffärer misstänks vid skolans baksida',
];
const personal = [
  'Kalle Andersson (19811218-9876)',
  'ring 070-174 06 05',
  'bor på Storgatan 14B',
  'mejla kalle.andersson@example.se',
  'bilen ABC 123',
  'Åsa Öberg',
];

function reports(): SubmittedReportSnapshot[] {
  return Array.from({ length: organisations }, (_, o) => ({
    reportId: `rep-${o}`,
    reportVersion: 1,
    organisationId: `org${o}`,
    organisationName: `Aktör ${o}`,
    narrative: {
      kind: 'text' as const,
      text: `${phrases[o % phrases.length]}. ${personal[o % personal.length]} har kontaktat oss. Läget i övrigt lugnt.`,
    },
    incidents: Array.from({ length: incidentsPerOrganisation }, (_, i) => ({
      id: `inc-${o}-${i}`,
      problem: `${phrases[(o + i) % phrases.length]}, ${personal[(o * 7 + i) % personal.length]}`,
      location: 'Vid Folkets hus, Storgatan',
      occurredAt: 'Fredag kväll',
      frequency: 'Varje vecka',
      assessment: { severity: 1 + ((o + i) % 5), scope: 'A' as const },
      comment: `Polisanmält. Kontaktperson ${personal[(o + 3 * i) % personal.length]}.`,
    })),
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(iterations: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** The week's stream: the compile and 300 redactions (masks on incident comments, some exclusions). */
function weekEvents(): LagesbildEvent[] {
  const decider = lagesbildDecider();
  const events: LagesbildEvent[] = [];
  let state: LagesbildState = decider.initialState();
  const run = (command: LagesbildCommand) => {
    const decided = decider.decide(command, state);
    state = decided.reduce(decider.evolve, state);
    events.push(...decided);
  };
  run({
    type: 'CompileLagesbild',
    data: { period: '2024-W48', background: 'Bakgrund.', reports: reports(), actorId },
  });
  const items = state.sections.find((section) => section.id === 'incidents')?.items ?? [];
  for (let r = 0; r < redactionCount; r++) {
    const index = (r * 4) % items.length;
    const item = items[index] as { comment: string };
    const start = item.comment.indexOf('Kontaktperson ') + 'Kontaktperson '.length;
    run({
      type: 'ApplyRedaction',
      data: {
        redactionId: `red-${r}`,
        sectionId: 'incidents',
        path: r % 10 === 9 ? `/items/${index + 1}` : `/items/${index}/comment`,
        target: r % 10 === 9 ? { kind: 'exclude' } : { kind: 'mask', start, end: item.comment.length - 1 },
        legalGround: 'OSL 26 kap. 1 §',
        reason: 'Uppgift om enskild',
        actorId,
      },
    });
  }
  return events;
}

function swedishText(bytes: number): string {
  const words = [
    ...phrases,
    ...personal,
    'Lisa E förmedlar kontaktuppgifter till Polisen',
    'Inget att rapportera',
  ];
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += `${words[(i * 7) % words.length]}. `;
  return text;
}

export async function benchLagesbild(): Promise<void> {
  const decider = lagesbildDecider();
  const events = weekEvents();
  const fold = () => events.reduce(decider.evolve, decider.initialState());
  const state = fold();
  const iterations = 30;

  const foldMs = time(iterations, fold);
  const openMs = time(iterations, () => openDocument(state, events.length));
  const hashMs = time(iterations, () => openContentHash(state));
  const internal = internalDocument(state, events.length);
  const cloneMs = time(iterations, () => structuredClone(internal));
  const weekSuggestMs = time(5, () => redactionSuggestions(state));

  const text = swedishText(2_000_000);
  const scanMs = time(5, () => scanText(text));
  const baselineMs = time(5, () => [...text.matchAll(/\d{6}-\d{4}|@/g)].length);
  const findings = scanText(text).length;
  const rate = (ms: number) => `${(((text.length / ms) * 1000) / 1e6).toFixed(2)} M chars/s`;
  const weekChars = state.sections.reduce(
    (sum, section) => sum + textFields(section).reduce((n, field) => n + field.value.length, 0),
    0,
  );
  const weekRate = `${(((weekChars / weekSuggestMs) * 1000) / 1e6).toFixed(2)} M chars/s`;

  console.log(
    `week: ${organisations} organisations × ${incidentsPerOrganisation} incidents, ${redactionCount} redactions (${events.length} events), medians of ${iterations} runs`,
  );
  console.table([
    { measure: 'compile: fold stream into state', ms: foldMs.toFixed(1), target: '' },
    { measure: 'open view derivation', ms: openMs.toFixed(1), target: '' },
    { measure: 'compile + open view', ms: (foldMs + openMs).toFixed(1), target: '< 200 ms' },
    { measure: 'open content hash (approve)', ms: hashMs.toFixed(1), target: '' },
    { measure: 'baseline: structuredClone of internal view', ms: cloneMs.toFixed(1), target: '' },
    {
      measure: `suggestions for the whole week (${weekChars} chars of text, ${weekRate})`,
      ms: weekSuggestMs.toFixed(1),
      target: '',
    },
  ]);
  console.table([
    {
      measure: `scanText over ${(text.length / 1e6).toFixed(1)} M chars`,
      ms: scanMs.toFixed(0),
      rate: rate(scanMs),
      findings,
      target: '≥ 1 M chars/s',
    },
    {
      measure: 'baseline: one regular expression pass',
      ms: baselineMs.toFixed(0),
      rate: rate(baselineMs),
      findings: '',
      target: '',
    },
  ]);
}
