import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { englishAppMessages } from '../i18n/en.js';
import { swedishMessages } from '../i18n/sv.js';
import { formatPeriod, weekNumberLabel } from '../shared/week.js';

// The app bar on a 390 px phone leaves about 12 characters of h6 text between the menu, the
// language and the profile buttons; the issue saw "Rapport v49 2024: …" cut to "Rapport v49 20".
const roomOnAPhone = 12;

describe.each([
  ['sv', swedishMessages],
  ['en', englishAppMessages],
] as const)('the report page in the app bar (%s)', (locale, messages) => {
  const { translate } = polyglotI18nProvider(() => messages, locale, [], { allowMissing: false });

  it('fits on a phone for every week of a 53-week year', () => {
    for (let week = 1; week <= 53; week++) {
      const title = translate('laget.report.bar_title', {
        week: weekNumberLabel(formatPeriod({ year: 2026, week })),
      });
      expect(title.length).toBeLessThanOrEqual(roomOnAPhone);
      expect(title).toContain(`v${week}`);
    }
  });
});

it('names the week without its year', () => {
  expect(weekNumberLabel('2024-W49')).toBe('v49');
  expect(weekNumberLabel('not a week')).toBe('not a week');
});
