import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { swedishMessages } from '../i18n/sv.js';
import { saveStatusText } from './save-status.js';

const { translate } = polyglotI18nProvider(() => swedishMessages, 'sv', [], { allowMissing: false });

describe("the report's save line", () => {
  it('says what was saved, in Swedish', () => {
    expect(saveStatusText({ kind: 'saved', what: 'incident' }, translate)).toBe('Händelsen är sparad');
    expect(saveStatusText({ kind: 'saved' }, translate)).toBe('Sparat');
    expect(saveStatusText({ kind: 'submitted' }, translate)).toBe('Rapporten är inskickad. Tack!');
  });

  it("gives a refusal in the server's words and says nothing before the first change", () => {
    expect(saveStatusText({ kind: 'error', message: 'Problematik: får inte vara tom' }, translate)).toBe(
      'Problematik: får inte vara tom',
    );
    expect(saveStatusText({ kind: 'idle' }, translate)).toBe('');
  });
});
