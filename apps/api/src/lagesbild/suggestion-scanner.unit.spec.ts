import type { LagesbildDocument } from '@laget/contracts';
import { norbergWeek48 } from '../publication/fixtures/norberg-v48-2024.fixture.js';
import { personalDataInternal, redactedStrings } from '../publication/fixtures/personal-data.fixture.js';
import { textFields } from './redaction-target.js';
import { scanText } from './suggestion-scanner.js';

const findingsIn = (document: LagesbildDocument) =>
  document.sections.flatMap((section) => textFields(section).flatMap((field) => scanText(field.value)));

const kinds = (text: string, knownNames: string[] = []) =>
  scanText(text, { knownNames }).map((finding) => [finding.kind, finding.text]);

describe('suggestion scanner', () => {
  describe('personnummer and samordningsnummer', () => {
    it('finds numbers that pass the date and Luhn checks, in short and long form', () => {
      expect(kinds('Anmäld person (19811218-9876) och 811218-9876 samt 198112189876.')).toEqual([
        ['personnummer', '19811218-9876'],
        ['personnummer', '811218-9876'],
        ['personnummer', '198112189876'],
      ]);
    });

    it('finds a samordningsnummer (day + 60)', () => {
      expect(kinds('Samordningsnummer 701063-2391 lämnades.')).toEqual([['personnummer', '701063-2391']]);
    });

    it('does not suggest numbers that fail the Luhn check or are no date', () => {
      expect(kinds('Ärende 19811218-9875 och 811218-9877, diarienr 991399-1234.')).toEqual([]);
    });

    it('does not take a date or a count for a personnummer', () => {
      expect(
        kinds('Det hände 250107 och 2024-11-27; 29 Händelserapporter, 13 ärenden med 21 brott.'),
      ).toEqual([]);
    });
  });

  describe('phone numbers (region SE)', () => {
    it('finds national and international forms', () => {
      expect(kinds('Ring 070-174 06 05, 08-465 004 00 eller +46 70 174 06 99.')).toEqual([
        ['phone', '070-174 06 05'],
        ['phone', '08-465 004 00'],
        ['phone', '+46 70 174 06 99'],
      ]);
    });

    it('does not take dates, times or road numbers for phone numbers', () => {
      expect(kinds('Mötet 2024-11-27 kl. 14.00 vid RV68, 130 företag varav 46 i Norberg.')).toEqual([]);
    });
  });

  describe('e-mail, licence plates and addresses', () => {
    it('finds e-mail addresses, also with å ä ö', () => {
      expect(kinds('Mejla kalle.andersson@example.se eller åsa@kommun.norberg.se.')).toEqual([
        ['email', 'kalle.andersson@example.se'],
        ['email', 'åsa@kommun.norberg.se'],
      ]);
    });

    it('does not take a lone @ or a handle for an e-mail address', () => {
      expect(kinds('Träff @ biblioteket, följ @norbergskommun.')).toEqual([]);
    });

    it('finds Swedish plates in the old and the new format', () => {
      expect(kinds('Bilen ABC 123 och XYZ 12A, även DEF123.')).toEqual([
        ['licence_plate', 'ABC 123'],
        ['licence_plate', 'XYZ 12A'],
        ['licence_plate', 'DEF123'],
      ]);
    });

    it('does not take abbreviations with numbers or letters a plate never has for a plate', () => {
      expect(kinds('Larma SOS 112. Kod QIV 123 och abc 123, lokal BRÅ 123, ABCD 1234.')).toEqual([]);
    });

    it('finds a street address with its number', () => {
      expect(kinds('Han bor på Storgatan 14B, trapphuset, nära Kvarngatan 3 och Norbergsvägen 12.')).toEqual([
        ['address', 'Storgatan 14B'],
        ['address', 'Kvarngatan 3'],
        ['address', 'Norbergsvägen 12'],
      ]);
    });

    it('takes a detached house letter but not the next word', () => {
      expect(kinds('Möte på Storgatan 14 B och Kvarngatan 3 i dag.')).toEqual([
        ['address', 'Storgatan 14 B'],
        ['address', 'Kvarngatan 3'],
      ]);
    });

    it('does not take a road number or a street without number for an address', () => {
      expect(kinds('Viltolycka på riksväg 68 och Riksväg 68. Klotter längs Storgatan.')).toEqual([]);
    });
  });

  describe('names', () => {
    it('takes the word after a first name as the surname, listed or not', () => {
      expect(kinds('Fatima Yılmaz på NVK har dialog med Anna-Karin Öhrn.')).toEqual([
        ['name', 'Fatima Yılmaz'],
        ['name', 'Anna-Karin Öhrn'],
      ]);
    });

    it('finds first name and surname together, and a first name with an initial', () => {
      expect(kinds('Kontakta Stefan Sandström. Lisa E förmedlar kontaktuppgifter.')).toEqual([
        ['name', 'Stefan Sandström'],
        ['name', 'Lisa E'],
      ]);
    });

    it('finds names from Läget’s own records, also alone', () => {
      expect(
        kinds('Möte med Zlatan Ibrahimović, därefter talade Ibrahimović.', ['Zlatan Ibrahimović']),
      ).toEqual([
        ['name', 'Zlatan Ibrahimović'],
        ['name', 'Ibrahimović'],
      ]);
    });

    it('does not take everyday words that are names only when capitalised at a sentence start', () => {
      expect(kinds('Hans bil stod kvar. Per vecka sker tre fall. Berg och dal.')).toEqual([]);
      expect(kinds('Enligt Hans var det lugnt.')).toEqual([['name', 'Hans']]);
    });

    it('does not take organisations, places or acronyms for names', () => {
      expect(kinds('Polisen, Socialtjänsten och NVK i Norberg. LänsBRÅ i Västmanland.')).toEqual([]);
    });
  });

  it('finds every piece of personal data in the publication module’s redaction fixture', () => {
    const found = findingsIn(personalDataInternal).map((finding) => finding.text);
    const personal = redactedStrings.filter((value) => value !== 'klass 8B');
    expect(found).toEqual(expect.arrayContaining([...personal]));
  });

  it('on the seed week (Norberg v48 2024) suggests only its three names, not its dates, counts or road numbers', () => {
    expect(findingsIn(norbergWeek48).map((finding) => [finding.kind, finding.text])).toEqual([
      ['name', 'Frida Hansdotter'],
      ['name', 'Lisa E'],
      ['name', 'Stefan Sandström'],
    ]);
  });

  it('reports one kind per stretch of text and keeps offsets in UTF-16 units', () => {
    const text = '😀 Åsa Öberg: 070-174 06 05';
    const findings = scanText(text);
    expect(findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['name', 'Åsa Öberg'],
      ['phone', '070-174 06 05'],
    ]);
  });
});
