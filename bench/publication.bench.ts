import { performance } from 'node:perf_hooks';
import { largeWeek } from '../apps/api/src/publication/fixtures/large-week.fixture.js';
import {
  norberg,
  norbergPublishedAt,
  norbergWeek48,
} from '../apps/api/src/publication/fixtures/norberg-v48-2024.fixture.js';
import {
  allPublications,
  norbergSite,
} from '../apps/api/src/publication/fixtures/published-revisions.fixture.js';
import { loadDefaultFonts, renderLagesbildPdf } from '../apps/api/src/publication/lagesbild-pdf.js';
import { paragraphs } from '../apps/api/src/publication/lagesbild-labels.js';
import { createTaggedPdf, parsedFont } from '../apps/api/src/publication/pdfkit-tagged.js';
import { renderAtomFeed } from '../apps/api/src/publication/public-feed.js';
import { renderLagesbildPage } from '../apps/api/src/publication/public-pages.js';

/**
 * Rendering times of publication (issue 6: seed week PDF under 300 ms warm). The baseline is
 * PDFKit writing the seed's text untagged, without tables, in the same process: what tagging,
 * tables and layout add on top of the library itself.
 */
export async function benchPublication(): Promise<void> {
  const options = { municipality: norberg, publishedAt: norbergPublishedAt };
  const week40 = largeWeek(40);
  const rows: Array<[string, Stats, string]> = [];

  rows.push(['baseline: PDFKit, seed text, untagged', await measure(20, () => plainPdf()), '']);
  // The first render parses the fonts; every later one reuses them.
  const cold = performance.now();
  const seedPdf = await renderLagesbildPdf(norbergWeek48, options);
  const coldMs = performance.now() - cold;
  rows.push([
    'seed week PDF (warm)',
    await measure(20, () => renderLagesbildPdf(norbergWeek48, options)),
    `${kb(seedPdf)}; first render ${coldMs.toFixed(0)} ms; target < 300 ms`,
  ]);
  const bigPdf = await renderLagesbildPdf(week40, options);
  rows.push([
    '40-organisation week PDF (120 incidents)',
    await measure(5, () => renderLagesbildPdf(week40, options)),
    kb(bigPdf),
  ]);
  const publication = allPublications[0];
  if (publication) {
    rows.push([
      'seed week HTML page',
      await measure(200, async () => renderLagesbildPage(publication, norbergSite, allPublications)),
      '',
    ]);
  }
  rows.push([
    'Atom feed (3 entries)',
    await measure(200, async () => renderAtomFeed(allPublications, norbergSite)),
    '',
  ]);

  console.log('| what | median ms | p95 ms | runs | note |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const [what, s, note] of rows) {
    console.log(`| ${what} | ${s.median.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.runs} | ${note} |`);
  }
}

interface Stats {
  median: number;
  p95: number;
  runs: number;
}

async function measure(runs: number, fn: () => Promise<unknown>): Promise<Stats> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), runs };
}

const kb = (pdf: Buffer) => `${(pdf.length / 1024).toFixed(0)} KiB`;

function plainPdf(): Promise<Buffer> {
  const fonts = loadDefaultFonts();
  const pdf = createTaggedPdf({ size: 'A4', font: null } as unknown as Parameters<typeof createTaggedPdf>[0]);
  pdf.registerFont('Regular', parsedFont(fonts.regular), 'Regular');
  pdf.font('Regular').fontSize(10);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (const section of norbergWeek48.sections) {
    pdf.text(section.title);
    for (const p of paragraphs(section.text)) pdf.text(p);
  }
  pdf.end();
  return done;
}
