import fc from 'fast-check';
import { canonicalJson, contentHash } from '../lagesbild/content-hash.js';
import {
  aboutLinkText,
  assessmentText,
  documentTitle,
  isoDate,
  letterhead,
  meetingLine,
  paragraphs,
  publishedOnLine,
  swedishDate,
  versionLabel,
  weekLabel,
} from './lagesbild-labels.js';
import { norberg } from './fixtures/norberg-v48-2024.fixture.js';

describe('the words the PDF and public pages share', () => {
  it('writes the letterhead and title as the seed does', () => {
    expect(letterhead(norberg)).toBe('NORBERGS KOMMUN');
    expect(letterhead({ name: 'Älvdalens kommun' })).toBe('ÄLVDALENS KOMMUN');
    expect(documentTitle(norberg)).toBe(
      'Lokal lägesbild avseende brottslighet och otrygghet för Norbergs kommun',
    );
    expect(documentTitle({ ...norberg, title: 'Lägesbild EST' })).toBe('Lägesbild EST');
  });

  it('writes an ISO week as "v48 2024" and refuses anything else', () => {
    expect(weekLabel('2024-W48')).toBe('v48 2024');
    expect(weekLabel('2025-W01')).toBe('v01 2025');
    expect(() => weekLabel('2024-48')).toThrow('Not an ISO week');
  });

  it("writes the seed's meeting line, naming the month's first meeting a månadsmöte", () => {
    // v48 2024 is discussed on Monday 2 December: the first meeting of the month.
    expect(meetingLine('2024-W48', norberg)).toBe('Effektiv samordning för Trygghet v48 – Månadsmöte');
    expect(meetingLine('2025-W01', norberg)).toBe('Effektiv samordning för Trygghet v01 – Månadsmöte');
    expect(meetingLine('2024-W49', norberg)).toBe('Effektiv samordning för Trygghet v49');
    // With the meeting on Tuesdays, v47 2024 is discussed on Tuesday 26 November, v48 on 3 December.
    expect(meetingLine('2024-W47', { ...norberg, meetingWeekday: 2 })).toBe(
      'Effektiv samordning för Trygghet v47',
    );
    expect(meetingLine('2024-W48', { ...norberg, meetingWeekday: 2 })).toBe(
      'Effektiv samordning för Trygghet v48 – Månadsmöte',
    );
    // With the meeting on Sundays, v48 2024 is discussed on Sunday 8 December: not the first.
    expect(meetingLine('2024-W48', { ...norberg, meetingWeekday: 7 })).toBe(
      'Effektiv samordning för Trygghet v48',
    );
  });

  it('names the BRÅ page and where the report is published as the seed does', () => {
    expect(aboutLinkText(norberg)).toBe('Brottsförebyggande arbete (BRÅ) – Norbergs kommun');
    expect(publishedOnLine(norberg)).toBe(
      'Rapporten publiceras på Norbergs kommuns hemsida: Brottsförebyggande arbete (BRÅ) – Norbergs kommun, https://www.norberg.se/bra',
    );
    expect(publishedOnLine({ name: 'Hjo', aboutUrl: 'https://hjo.example/bra' })).toContain(
      'på Hjos hemsida',
    );
    expect(publishedOnLine({ name: 'Norbergs kommun' })).toBeNull();
  });

  it('names the version: open, internal, or internal for an audience', () => {
    expect(versionLabel('open')).toBe('ÖPPEN VERSION');
    expect(versionLabel('internal')).toBe('INTERN VERSION');
    expect(versionLabel('draft')).toBe('UTKAST');
    expect(versionLabel('audience:skolan')).toBe('INTERN VERSION – skolan');
    expect(versionLabel('audience:skolan', 'Skolans ledningsgrupp')).toBe(
      'INTERN VERSION – Skolans ledningsgrupp',
    );
  });

  it('dates in Stockholm time whatever the server runs in', () => {
    // 23:30 UTC on 1 December is already 2 December in Sweden (UTC+1 in winter, +2 in summer).
    expect(swedishDate(new Date('2024-12-01T23:30:00Z'))).toBe('2 december 2024');
    expect(isoDate(new Date('2024-12-01T23:30:00Z'))).toBe('2024-12-02');
    expect(swedishDate(new Date('2024-06-30T22:30:00Z'))).toBe('1 juli 2024');
  });

  it('writes the assessment column as severity and scope letters', () => {
    expect(assessmentText({ severity: 2, scope: 'EA' })).toBe('2 – E A');
    expect(assessmentText({ severity: 5, scope: 'A' })).toBe('5 – A');
  });

  it('splits text into paragraphs at blank lines only', () => {
    expect(paragraphs('Ett.\n\nTvå,\nsamma stycke.\r\n\r\n  \n\nTre.')).toEqual([
      'Ett.',
      'Två,\nsamma stycke.',
      'Tre.',
    ]);
    expect(paragraphs(undefined)).toEqual([]);
    expect(paragraphs('   ')).toEqual([]);
  });
});

describe('content hashes', () => {
  it('do not depend on the order keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(contentHash(reversed)).toBe(contentHash(record));
      }),
    );
  });

  it('differ when the content does', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).not.toBe(contentHash({ a: 1, b: [2, 1] }));
    expect(canonicalJson({ b: undefined, a: new Date('2024-12-02T08:30:00Z') })).toBe(
      '{"a":"2024-12-02T08:30:00.000Z"}',
    );
  });
});
