import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('the audit CSV export', () => {
  it('quotes what needs quoting and keeps Swedish letters', () => {
    expect(toCsv(['Händelse', 'Skäl'], [['RedactionApplied', 'Namn, "Åsa"']])).toBe(
      '\uFEFFHändelse,Skäl\r\nRedactionApplied,"Namn, ""Åsa"""\r\n',
    );
  });

  it('never lets a cell become a formula', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://example.invalid")'], ['-1+2'], ['@SUM(A1)']])).toBe(
      '\uFEFFx\r\n"\'=HYPERLINK(""http://example.invalid"")"\r\n\'-1+2\r\n\'@SUM(A1)\r\n',
    );
  });
});
