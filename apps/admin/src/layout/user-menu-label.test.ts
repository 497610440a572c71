import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { swedishMessages } from '../i18n/sv.js';
import { userMenuLabel } from './user-menu-label.js';

// react-admin's UserMenu translates the label of its icon button this way (ra-ui-materialui).
const { translate } = polyglotI18nProvider(() => swedishMessages, 'sv', [], { allowMissing: false });
const iconButtonName = (label: string) => translate(label, { _: 'Profile' });

describe('the profile button', () => {
  it('is named in Swedish on a phone, where it shows only an icon', () => {
    expect(iconButtonName(userMenuLabel('Anna Andersson', false, translate))).toBe('Profil');
  });

  it('contains the shown name on a wide screen', () => {
    expect(userMenuLabel('Anna Andersson', true, translate)).toBe('Profil: Anna Andersson');
  });

  it('is the Swedish word before the identity has loaded', () => {
    expect(iconButtonName(userMenuLabel(undefined, true, translate))).toBe('Profil');
  });
});
