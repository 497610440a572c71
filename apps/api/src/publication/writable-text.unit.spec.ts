import fc from 'fast-check';
import type { LagesbildDocument } from '@laget/contracts';
import { xmlProblems } from './testing/xml-problems.js';
import { norberg, norbergPublishedAt, norbergWeek48 } from './fixtures/norberg-v48-2024.fixture.js';
import { norbergSite, week48Corrected, week48First } from './fixtures/published-revisions.fixture.js';
import { renderLagesbildPdf } from './lagesbild-pdf.js';
import { renderAtomFeed } from './public-feed.js';
import { renderLagesbildList, renderLagesbildPage } from './public-pages.js';
import type { PublishedRevision } from './published-revision.js';
import { pdfText, pdfMetadata, popplerAvailable } from './testing/poppler.js';
import { mapDocumentText, pdfWritable, xmlWritable } from './writable-text.js';

/** Stored before the edge refused it: every character a format may choke on, around real words. */
const HOSTILE = 'Före\u0000 jul\ud800 på\uFFFF skolan\u0008\u001b\uFDD0\udc00 🚲\u0085 slut';

function hostileRevision(base: PublishedRevision, text: string): PublishedRevision {
  return {
    ...base,
    correction: base.correction ? { what: text, why: text } : null,
    document: mapDocumentText(base.document, (value) =>
      value.startsWith('org-') || value === base.document.id ? value : `${value} ${text}`,
    ),
  };
}

describe('writers drop what their format cannot hold', () => {
  it('property: xmlWritable leaves any text well-formed XML, dropping only non-XML characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const written = xmlWritable(text);
        const escaped = written.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        expect(xmlProblems(`<p>${escaped}</p>`)).toEqual([]);
        // What stays is what was there, in order.
        expect([...text].filter((c) => written.includes(c)).join('')).toBe(written);
      }),
      { numRuns: 500 },
    );
    expect(xmlWritable('å ä ö 🚲 \t\n')).toBe('å ä ö 🚲 \t\n');
  });

  it('the Atom feed stays well-formed with hostile text stored in a correction and in sections', () => {
    const feed = renderAtomFeed(
      [hostileRevision(week48First, HOSTILE), hostileRevision(week48Corrected, HOSTILE)],
      norbergSite,
    );
    expect(xmlProblems(feed)).toEqual([]);
    // XML 1.0 holds U+0085 and U+FDD0 (discouraged, not forbidden); the edge refuses them.
    expect(feed).toContain('Före jul på skolan\uFDD0 🚲\u0085 slut');
  });

  it('the public page and list hold no NUL, controls or lone surrogates from stored text', () => {
    const revision = hostileRevision(week48Corrected, HOSTILE);
    for (const page of [
      renderLagesbildPage(revision, norbergSite, [week48First, revision]),
      renderLagesbildList([revision], norbergSite),
    ]) {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      expect(page).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(renderLagesbildPage(revision, norbergSite, [revision])).toContain('Före jul på skolan\uFDD0 🚲');
  });

  it('pdfWritable keeps letters, tabs and line breaks and drops controls, surrogates and noncharacters', () => {
    expect(pdfWritable(HOSTILE)).toBe('Före jul på skolan 🚲 slut');
    expect(pdfWritable('rad 1\r\nrad 2\trad\r3')).toBe('rad 1\nrad 2\trad\n3');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        expect(pdfWritable(text)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/);
        expect(pdfWritable(text)).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the PDF shows the words around hostile stored text in order, and its metadata stays XML', async () => {
    const doc: LagesbildDocument = {
      ...norbergWeek48,
      sections: norbergWeek48.sections.map((section) => ({
        ...section,
        title: `${section.title} ${HOSTILE}`,
      })),
    };
    const pdf = await renderLagesbildPdf(doc, {
      municipality: norberg,
      publishedAt: norbergPublishedAt,
      audienceName: `Skolan${HOSTILE}`,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (popplerAvailable()) {
      // PDFKit breaks lines at control characters: the heading's words came out of order.
      // DejaVu Sans has no bicycle, so poppler reads the words around it.
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      // The incident table's caption wraps in its narrow cell; the headings do not.
      for (const section of norbergWeek48.sections.filter((s) => s.kind !== 'incidents')) {
        expect(text).toContain(`${section.title} Före jul på skolan slut`);
      }
      expect(xmlProblems(pdfMetadata(pdf))).toEqual([]);
    }
  });
});
