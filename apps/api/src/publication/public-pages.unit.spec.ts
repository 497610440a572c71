import fc from 'fast-check';
import type { IncidentItem } from '@laget/contracts';
import { escapeHtml } from './html.js';
import { incidentColumns } from './lagesbild-labels.js';
import { publicationJson, renderLagesbildList, renderLagesbildPage } from './public-pages.js';
import { renderAtomFeed } from './public-feed.js';
import { latestPerWeek } from './published-revision.js';
import { redactedStrings } from './fixtures/personal-data.fixture.js';
import {
  allPublications,
  norbergSite,
  week48Corrected,
  week48First,
  week49,
} from './fixtures/published-revisions.fixture.js';

/** Markup whitespace does not matter (and Prettier formats the templates): compare without it. */
const squash = (html: string) =>
  html
    .replace(/\s+/g, ' ')
    .replace(/\s+(\/?>)/g, '$1')
    .replace(/>\s+</g, '><')
    .replace(/(<(?:p|li|caption|h\d)\b[^>]*>) /g, '$1')
    .replace(/ (<\/(?:p|li|caption|h\d)>)/g, '$1')
    .trim();

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('the public page of one week', () => {
  const page = squash(renderLagesbildPage(week48First, norbergSite, [week48First]));

  it('is a Swedish HTML page with the seed heading, week and version', () => {
    expect(page.startsWith('<!doctype html><html lang="sv">')).toBe(true);
    expect(page).toContain(
      '<h1>Lokal lägesbild avseende brottslighet och otrygghet för Norbergs kommun</h1>',
    );
    expect(page).toContain('<p class="version">v48 2024 ÖPPEN VERSION</p>');
    // The seed's meeting line: v48 2024 is discussed on Monday 2 December, the month's first meeting.
    expect(page).toContain('<p class="meeting">Effektiv samordning för Trygghet v48 – Månadsmöte</p>');
    expect(page).toContain('Publicerad <time datetime="2024-12-02T09:30:00+01:00">2 december 2024</time>');
    expect(page).toContain('<p class="letterhead">NORBERGS KOMMUN</p>');
  });

  it('has every section as a titled region, in the document order', () => {
    const headings = [...page.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(week48First.document.sections.map((s) => escapeHtml(s.title)));
    expect(page).toContain('<p>Lugnt just nu. NVK har bara fått mindre saker till sig');
  });

  it('has the incident table with a caption, six column headers and a row header per incident', () => {
    expect(page).toContain(
      '<caption id="avsnitt-incidents-tabell">Inrapporterade händelser för perioden, v48 2024</caption>',
    );
    expect(count(page, /<th scope="col">/)).toBe(6);
    for (const column of incidentColumns) expect(page).toContain(`<th scope="col">${column}</th>`);
    expect(page).toContain(
      '<tr><th scope="row">Skadegörelse på handfat på Frida Hansdotter Arena</th><td>Inne på toaletten</td><td>250107</td><td></td><td>2 – E A</td><td>Söndersparkat vattenlås.</td></tr>',
    );
  });

  it('needs no JavaScript and links the PDF, the data and the feed', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('href="https://laget.norberg.example/public/lagesbilder/2024-W48.pdf"');
    expect(page).toContain('href="https://laget.norberg.example/public/lagesbilder/2024-W48.json"');
    expect(page).toContain('type="application/atom+xml"');
    expect(page).toContain('@media print');
  });

  it("links the municipality's BRÅ page with the seed's words", () => {
    expect(page).toContain(
      '<a href="https://www.norberg.se/bra">Brottsförebyggande arbete (BRÅ) – Norbergs kommun</a>',
    );
  });

  it('escapes every text it shows', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (text, problem) => {
        const doc = structuredClone(week48First.document);
        const [first] = doc.sections;
        if (first) first.text = text;
        ((doc.sections[1]?.items ?? [])[0] as IncidentItem).problem = problem;
        const html = squash(renderLagesbildPage({ ...week48First, document: doc }, norbergSite));
        expect(count(html, /<script/i)).toBe(0);
        expect(count(html, /<style>/)).toBe(1);
        if (/[<>&"]/.test(problem)) expect(html).not.toContain(squash(`<th scope="row">${problem}</th>`));
        expect(html).toContain(squash(`<th scope="row">${escapeHtml(problem)}</th>`));
      }),
    );
  });

  it('in embed mode drops the site chrome and opens links in the top window', () => {
    const embedded = squash(renderLagesbildPage(week48First, norbergSite, [week48First], { embed: true }));
    expect(embedded).toContain('<base target="_top"/>');
    expect(embedded).not.toContain('class="skip"');
    expect(embedded).not.toContain('<footer>');
    expect(embedded).toContain('<main id="innehall">');
  });
});

describe('a corrected week', () => {
  it('shows the correction on the latest version and links the earlier one', () => {
    const page = squash(renderLagesbildPage(week48Corrected, norbergSite, allPublications));
    expect(page).toContain('(rättad version)');
    expect(page).toContain('<h2>Rättelse</h2><p>Kultur &amp; Fritids rapport kompletterades.</p>');
    expect(page).toContain('Rapport lämnas nästa vecka.');
    expect(page).toContain(
      '<a href="https://laget.norberg.example/public/lagesbilder/2024-W48/1">Publicerad 2 december 2024</a> (ersatt av en rättelse)',
    );
    expect(page).not.toContain('rel="canonical"');
  });

  it('marks the earlier version as corrected and points to the latest', () => {
    const page = squash(renderLagesbildPage(week48First, norbergSite, allPublications));
    expect(page).toContain('<h2>Den här versionen har rättats</h2>');
    expect(page).toContain(
      '<link rel="canonical" href="https://laget.norberg.example/public/lagesbilder/2024-W48"/>',
    );
    expect(page).toContain('href="https://laget.norberg.example/public/lagesbilder/2024-W48/1.pdf"');
    expect(page).not.toContain('Rapport lämnas nästa vecka.');
  });
});

describe('the list of published weeks', () => {
  it('shows each week once, by its latest publication, newest week first, corrected ones marked', () => {
    const list = squash(renderLagesbildList(allPublications, norbergSite));
    const weeks = [
      ...list.matchAll(
        />Lägesbild (v\d\d \d{4})<\/a> – publicerad <time[^>]*>([^<]+)<\/time>( \(rättad\))?/g,
      ),
    ];
    expect(weeks.map((m) => [m[1], m[2], m[3] ?? ''])).toEqual([
      ['v49 2024', '9 december 2024', ''],
      ['v48 2024', '3 december 2024', ' (rättad)'],
    ]);
  });

  it('says so when nothing is published', () => {
    expect(squash(renderLagesbildList([], norbergSite))).toContain(
      '<p>Inga lägesbilder har publicerats ännu.</p>',
    );
  });

  it('orders any set of publications newest week first, one entry per week', () => {
    const revision = fc.record({ week: fc.integer({ min: 1, max: 52 }), n: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(revision, { maxLength: 30 }), (picks) => {
        const revisions = picks.map(({ week, n }) => ({
          ...week48First,
          period: `2024-W${String(week).padStart(2, '0')}`,
          publicationNumber: n,
        }));
        const latest = latestPerWeek(revisions);
        expect(latest.map((r) => r.period)).toEqual(
          [...new Set(revisions.map((r) => r.period))].sort().reverse(),
        );
        for (const r of latest) {
          expect(r.publicationNumber).toBe(
            Math.max(...revisions.filter((o) => o.period === r.period).map((o) => o.publicationNumber)),
          );
        }
      }),
    );
  });
});

describe('the Atom feed', () => {
  const feed = renderAtomFeed(allPublications, norbergSite);

  it('has one entry per publication, newest first, corrections marked', () => {
    const titles = [...feed.matchAll(/<title type="html"><!\[CDATA\[([^\]]+)\]\]><\/title>/g)].map(
      (m) => m[1],
    );
    expect(titles).toEqual([
      'Lokal lägesbild v49 2024',
      'Rättad: Lokal lägesbild v48 2024',
      'Lokal lägesbild v48 2024',
    ]);
    expect(feed).toContain('<id>https://laget.norberg.example/public/lagesbilder/2024-W48/2</id>');
    expect(feed).toContain('<link rel="self" href="https://laget.norberg.example/public/feed.atom"/>');
  });

  it('is dated by its newest publication, so the same publications give the same bytes', () => {
    expect(feed).toMatch(
      /<feed[^>]*>\s*<id>[^<]+<\/id>\s*<title>[^<]+<\/title>\s*<updated>2024-12-09T08:00:00.000Z<\/updated>/,
    );
    expect(renderAtomFeed([...allPublications].reverse(), norbergSite)).toBe(feed);
  });
});

describe('redacted content on the public site', () => {
  it('never appears on the page, the list, the feed or the JSON', () => {
    const outputs = [
      squash(renderLagesbildPage(week49, norbergSite, allPublications)),
      squash(renderLagesbildPage(week49, norbergSite, allPublications, { embed: true })),
      squash(renderLagesbildList(allPublications, norbergSite)),
      renderAtomFeed(allPublications, norbergSite),
      JSON.stringify(publicationJson(week49, norbergSite)),
    ];
    for (const output of outputs) {
      for (const secret of redactedStrings) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(escapeHtml(secret));
      }
    }
    expect(outputs[0]).toContain('[maskerat]');
  });
});
