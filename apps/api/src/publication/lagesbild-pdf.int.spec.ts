import fc from 'fast-check';
import type { IncidentItem, LagesbildDocument } from '@laget/contracts';
import { largeWeek } from './fixtures/large-week.fixture.js';
import { norberg, norbergPublishedAt, norbergWeek48 } from './fixtures/norberg-v48-2024.fixture.js';
import { personalDataInternal, personalDataOpen, redactedStrings } from './fixtures/personal-data.fixture.js';
import { incidentCells, incidentColumns, paragraphs } from './lagesbild-labels.js';
import { renderLagesbildPdf, type LagesbildPdfOptions } from './lagesbild-pdf.js';
import {
  findAll,
  normalise,
  pdfInfo,
  pdfMetadata,
  pdfStructure,
  pdfText,
  popplerAvailable,
  structText,
  type StructNode,
} from './testing/poppler.js';
import { solidPng } from './testing/png.js';

const options: LagesbildPdfOptions = { municipality: norberg, publishedAt: norbergPublishedAt };

const describeWithPoppler = popplerAvailable() || process.env.CI === 'true' ? describe : describe.skip;

const incidentsOf = (doc: LagesbildDocument): IncidentItem[] =>
  doc.sections.flatMap((s) => (s.kind === 'incidents' ? (s.items ?? []) : [])) as IncidentItem[];

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The cell texts of every table row: [[TH…], [TD…], …]. */
function tableRows(table: StructNode): string[][] {
  return findAll(table, 'TR').map((tr) => tr.children.map((cell) => normalise(structText(cell))));
}

describeWithPoppler('renderLagesbildPdf (read back with poppler)', () => {
  let seedPdf: Buffer;
  let seedStructure: StructNode;

  beforeAll(async () => {
    seedPdf = await renderLagesbildPdf(norbergWeek48, options);
    seedStructure = pdfStructure(seedPdf);
  });

  describe("the seed's week, open version", () => {
    it('is a tagged PDF/UA document in Swedish whose title is shown', () => {
      const info = pdfInfo(seedPdf);
      expect(info['Tagged']).toBe('yes');
      expect(info['PDF version']).toBe('1.7');
      expect(info['Title']).toBe(
        'Lokal lägesbild avseende brottslighet och otrygghet för Norbergs kommun v48 2024 – ÖPPEN VERSION',
      );
      expect(info['Author']).toBe('Norbergs kommun');
      const raw = seedPdf.toString('latin1');
      expect(raw).toContain('/Lang (sv-SE)');
      expect(raw).toContain('/DisplayDocTitle true');
      expect(pdfMetadata(seedPdf)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    });

    it('embeds its fonts (no built-in font, whose Swedish letters a reader could not rely on)', () => {
      const raw = seedPdf.toString('latin1');
      expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
      expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    });

    it('starts with the letterhead, title, week, version, meeting line and publication date', () => {
      const top = seedStructure.children[0]?.children.slice(0, 5).map((n) => [n.tag, structText(n)]);
      expect(seedStructure.children[0]?.tag).toBe('Document');
      expect(top).toEqual([
        ['P', 'NORBERGS KOMMUN'],
        ['H1', 'Lokal lägesbild avseende brottslighet och otrygghet för Norbergs kommun'],
        ['P', 'v48 2024 ÖPPEN VERSION'],
        ['P', 'Effektiv samordning för Trygghet v48 – Månadsmöte'],
        ['P', 'Publicerad 2 december 2024'],
      ]);
      expect(pdfText(seedPdf, 1)).toContain('Effektiv samordning för Trygghet v48 – Månadsmöte');
    });

    it("ends with the seed's line naming the BRÅ page where the report is published", () => {
      const last = seedStructure.children[0]?.children.at(-1) as StructNode;
      expect([last.tag, structText(last)]).toEqual([
        'P',
        'Rapporten publiceras på Norbergs kommuns hemsida: Brottsförebyggande arbete (BRÅ) – Norbergs kommun, https://www.norberg.se/bra',
      ]);
      expect(normalise(pdfText(seedPdf))).toContain('Rapporten publiceras på Norbergs kommuns hemsida');
    });

    it('has every section, in order, as a Sect with an H2 and its paragraphs', () => {
      const sects = findAll(seedStructure, 'Sect');
      expect(sects.map((s) => structText(s.children[0] as StructNode))).toEqual(
        norbergWeek48.sections.map((s) => s.title),
      );
      sects.forEach((sect, i) => {
        const section = norbergWeek48.sections[i];
        expect(sect.children[0]?.tag).toBe('H2');
        const ps = sect.children.filter((c) => c.tag === 'P').map((p) => normalise(structText(p)));
        expect(ps).toEqual(paragraphs(section?.text).map(normalise));
      });
    });

    it('has the incident table with its six column headers (TH, column scope) and the row', () => {
      const [table] = findAll(seedStructure, 'Table');
      expect(table).toBeDefined();
      const [header, ...rows] = findAll(table as StructNode, 'TR');
      expect(header?.children.map((c) => c.tag)).toEqual(Array(6).fill('TH'));
      expect(header?.children.map((c) => c.attributes['Scope'])).toEqual(Array(6).fill('/Column'));
      expect(header?.children.map((c) => structText(c))).toEqual([...incidentColumns]);
      expect(rows.map((r) => r.children.map((c) => c.tag))).toEqual([Array(6).fill('TD')]);
      expect(tableRows(table as StructNode).slice(1)).toEqual(incidentsOf(norbergWeek48).map(incidentCells));
    });

    it('reads back with å, ä and ö intact in the page text, with page numbers', () => {
      const text = normalise(pdfText(seedPdf));
      for (const phrase of [
        'NORBERGS KOMMUN',
        'v48 2024 ÖPPEN VERSION',
        'Söndersparkat vattenlås.',
        'Rädslan för brott är större än den faktiska risken.',
        'Inga nyheter på äldrevårdssidan.',
        'Kultur & Fritidschefens rapport',
        'Sida 1 av 2',
        'Sida 2 av 2',
      ]) {
        expect(text).toContain(phrase);
      }
    });

    it('renders the same revision to the same bytes, and a different publication time to other bytes', async () => {
      const again = await renderLagesbildPdf(structuredClone(norbergWeek48), { ...options });
      expect(again.equals(seedPdf)).toBe(true);
      const later = await renderLagesbildPdf(norbergWeek48, {
        ...options,
        publishedAt: new Date('2024-12-03T08:00:00Z'),
      });
      expect(later.equals(seedPdf)).toBe(false);
      expect(pdfInfo(seedPdf)['CreationDate']).toMatch(/Dec\s+2 08:30:00 2024 UTC/);
    });

    it('takes its file ID from the content, so another revision gets another ID', async () => {
      const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)> <\1>\]/.exec(pdf.toString('latin1'))?.[1];
      const edited = structuredClone(norbergWeek48);
      edited.revision += 1;
      const other = await renderLagesbildPdf(edited, options);
      expect(id(seedPdf)).toMatch(/^[0-9a-f]{32}$/);
      expect(id(other)).toMatch(/^[0-9a-f]{32}$/);
      expect(id(other)).not.toBe(id(seedPdf));
    });
  });

  describe('a week full of personal data', () => {
    it('shows none of the redacted strings in the open version: text, structure, metadata or raw bytes', async () => {
      const pdf = await renderLagesbildPdf(personalDataOpen, options);
      // Without whitespace: a long word may be wrapped inside a table cell.
      const text = squeeze(pdfText(pdf));
      const structure = structText(pdfStructure(pdf));
      const metadata = pdfMetadata(pdf);
      const raw = pdf.toString('latin1');
      for (const secret of redactedStrings) {
        expect(text).not.toContain(squeeze(secret));
        expect(structure).not.toContain(secret);
        expect(metadata).not.toContain(secret);
        expect(raw).not.toContain(secret);
      }
      expect(structure).toContain('[maskerat]');
      expect(structure).toContain('Hot mot personal, anmäld person [maskerat] ([maskerat])');
      expect(findAll(pdfStructure(pdf), 'TR')).toHaveLength(1 + 2);
    });

    it('does show them in the internal version (so the check above can see such strings)', async () => {
      const pdf = await renderLagesbildPdf(personalDataInternal, options);
      const text = pdfText(pdf);
      for (const secret of redactedStrings) expect(squeeze(text)).toContain(squeeze(secret));
      expect(normalise(text)).toContain('v49 2024 INTERN VERSION');
      // An internal version is not what the municipality's site publishes.
      expect(normalise(text)).not.toContain('Rapporten publiceras på');
    });

    it('names the audience of a target-group version', async () => {
      const pdf = await renderLagesbildPdf(
        { ...personalDataOpen, view: 'audience:skolan' },
        { ...options, audienceName: 'Skolans ledningsgrupp' },
      );
      expect(normalise(pdfText(pdf))).toContain('v49 2024 INTERN VERSION – Skolans ledningsgrupp');
      expect(pdfInfo(pdf)['Title']).toContain('INTERN VERSION – Skolans ledningsgrupp');
    });
  });

  describe('a 40-organisation week', () => {
    let pdf: Buffer;
    const week = largeWeek(40);

    beforeAll(async () => {
      pdf = await renderLagesbildPdf(week, options);
    });

    it('repeats the incident header row on every page the table runs onto', () => {
      const pages = Number(pdfInfo(pdf)['Pages']);
      expect(pages).toBeGreaterThan(3);
      const pageTexts = Array.from({ length: pages }, (_, i) => normalise(pdfText(pdf, i + 1)));
      const pagesWithRows = pageTexts.filter((text) => /\(rad \d+\)/.test(text));
      expect(pagesWithRows.length).toBeGreaterThan(1);
      for (const text of pagesWithRows) expect(text).toContain('Problematik (vad är det som hänt?)');
      expect(pagesWithRows.join(' ').match(/\(rad \d+\)/g)).toHaveLength(incidentsOf(week).length);
    });

    it('tags the header once (the repeats are artifacts) and every incident as a row', () => {
      const structure = pdfStructure(pdf);
      const [incidentTable, statisticsTable] = findAll(structure, 'Table') as [StructNode, StructNode];
      const rows = tableRows(incidentTable);
      expect(findAll(incidentTable, 'TH')).toHaveLength(6);
      expect(rows.slice(1)).toEqual(incidentsOf(week).map(incidentCells));
      expect(tableRows(statisticsTable)[0]).toEqual(['Antal', 'Slag', 'Anmärkning']);
      expect(tableRows(statisticsTable)[1]).toEqual([
        '412',
        'Händelserapporter',
        'huvudsakligen egeninitierat',
      ]);
    });
  });

  it('draws a logo as decoration, not as structure', async () => {
    const pdf = await renderLagesbildPdf(norbergWeek48, { ...options, logo: solidPng(60, 20, [0, 84, 140]) });
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(findAll(pdfStructure(pdf), 'Figure')).toHaveLength(0);
    expect(structText(pdfStructure(pdf))).toEqual(structText(seedStructure));
  });

  it('continues a row taller than a page in the next rows instead of cutting its text', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `ord${i} på väg`).join(' ');
    const [incident] = incidentsOf(norbergWeek48) as [IncidentItem];
    const doc: LagesbildDocument = {
      ...norbergWeek48,
      sections: [
        { id: 'incidents', kind: 'incidents', title: 'Händelser', items: [{ ...incident, comment: long }] },
      ],
    };
    const rows = tableRows(
      findAll(pdfStructure(await renderLagesbildPdf(doc, options)), 'Table')[0] as StructNode,
    );
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(1).map((r) => r[0])).toEqual([incident.problem, ...Array(rows.length - 2).fill('')]);
    expect(
      normalise(
        rows
          .slice(1)
          .map((r) => r[5])
          .join(' '),
      ),
    ).toBe(long);
  });

  it('keeps any incident text, Swedish letters included, intact in the table', async () => {
    const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöÉé0-9.,:;()\-–/&]{1,14}$/);
    const cellText = fc.array(word, { minLength: 1, maxLength: 25 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(cellText, { minLength: 5, maxLength: 5 }), async ([a, b, c, d, e]) => {
        const incident: IncidentItem = {
          id: 'inc-x',
          organisationId: 'org-x',
          organisationName: 'Aktör',
          problem: a ?? '',
          location: b ?? '',
          occurredAt: c ?? '',
          frequency: d ?? '',
          assessment: { severity: 3, scope: 'A' },
          comment: e ?? '',
        };
        const doc: LagesbildDocument = {
          ...norbergWeek48,
          sections: [{ id: 'incidents', kind: 'incidents', title: 'Händelser', items: [incident] }],
        };
        const rows = tableRows(
          findAll(pdfStructure(await renderLagesbildPdf(doc, options)), 'Table')[0] as StructNode,
        );
        expect(rows[1]).toEqual(incidentCells(incident).map(normalise));
      }),
      { numRuns: 8 },
    );
  });
});
