import fc from 'fast-check';
import { checkPassword } from './password-policy.js';
import { generateOneTimePassword } from './password-hasher.js';
import { DEMO_PASSWORD } from './first-start.js';

describe('password policy', () => {
  it.each(['kort', 'elva tecken'])('refuses %j: shorter than 12 characters', (password) =>
    expect(checkPassword(password)).toEqual({
      ok: false,
      problems: [expect.stringContaining('minst 12 tecken')],
    }),
  );

  it.each(['password1234', 'qwertyuiop123', '123456789012', 'aaaaaaaaaaaa', 'Lösenord2024!', 'iloveyou1234'])(
    'refuses the common or guessable %j',
    (password) => expect(checkPassword(password).ok).toBe(false),
  );

  it('refuses a password built from the person’s own name', () =>
    expect(
      checkPassword('annaandersson1', { username: 'anna.andersson', displayName: 'Anna Andersson' }).ok,
    ).toBe(false));

  it.each(['Ekorre-Kaffe-Gruva-91', 'trygghet i Norberg, vecka 48 år 2024', 'mT7#qL2!vR9@xZ'])(
    'accepts %j',
    (password) => expect(checkPassword(password)).toEqual({ ok: true, problems: [] }),
  );

  it('refuses absurdly long passwords (argon2 input stays bounded)', () =>
    expect(checkPassword('x'.repeat(300)).ok).toBe(false));

  it('one-time passwords pass the policy themselves', () =>
    fc.assert(
      fc.property(fc.constant(null), () => {
        const password = generateOneTimePassword();
        expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
        expect(checkPassword(password, { username: 'admin', municipality: 'Norbergs kommun' }).ok).toBe(true);
      }),
      { numRuns: 20 },
    ));

  it('the demo password passes too (demo logins get it without the check)', () =>
    expect(checkPassword(DEMO_PASSWORD, { username: 'samordnare', municipality: 'Norbergs kommun' }).ok).toBe(
      true,
    ));
});

describe('password policy and the passwords the test journeys choose', () => {
  it.each([
    ['admin', 'granit-älv-fyrtorn-1948'],
    ['skolan.rapportor', 'korp-ö-stol-lampa-2024'],
    ['granskare', 'andra-ögonparet-granskar-v48'],
    ['bf.samordnare', 'måndag-förmiddag-lägesbild'],
  ])('%s may choose %j', (username, password) =>
    expect(checkPassword(password, { username, municipality: 'Norbergs kommun' })).toEqual({
      ok: true,
      problems: [],
    }),
  );
});

describe('password policy and the words anyone would try here', () => {
  it.each(['laget2024laget', 'Laget-2024-Laget!', 'norberg2024!!', 'Norberg-Laget-2025', 'sommar2024sommar'])(
    'refuses %j: Läget’s own words with a year around them (zxcvbn alone scores some of them 3)',
    (password) => {
      const verdict = checkPassword(password, { municipality: 'Norbergs kommun' });
      expect(verdict.ok).toBe(false);
      expect(verdict.problems.join(' ')).toMatch(/[åäö]/);
    },
  );

  it('refuses the municipality’s name with decorations', () =>
    expect(checkPassword('Hedemora-kommun-2024', { municipality: 'Hedemora kommun' }).ok).toBe(false));

  it('refuses the name run together with a digit', () =>
    expect(checkPassword('johansvensson1', { username: 'johan', displayName: 'Johan Svensson' }).ok).toBe(
      false,
    ));

  it('refuses any password containing the username, however strong the rest', () => {
    const verdict = checkPassword('Ekorre-Kaffe-Gruva-johan', { username: 'johan' });
    expect(verdict).toEqual({
      ok: false,
      problems: ['Lösenordet får inte innehålla ditt användarnamn (must not contain your username)'],
    });
    expect(checkPassword('Ekorre-Kaffe-Gruva-JOHAN', { username: 'johan' }).ok).toBe(false);
    expect(checkPassword('Ekorre-Kaffe-Gruva-johan', { username: 'karin' }).ok).toBe(true);
  });

  it('gives zxcvbn’s feedback in Swedish', () => {
    const verdict = checkPassword('qwertyuiopasdf');
    expect(verdict.ok).toBe(false);
    expect(verdict.problems.length).toBeGreaterThan(1);
    expect(verdict.problems.join(' ')).toMatch(/liknar ett vanligt lösenord.*Lägg till fler ord/);
  });

  it('a strong password with a local word in it still passes', () =>
    expect(
      checkPassword('granit-älv-fyrtorn-läget-1948', { username: 'anna', municipality: 'Norbergs kommun' })
        .ok,
    ).toBe(true));

  it('never throws on any text, and says ok exactly when it names no problem (property)', () =>
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 0, maxLength: 40 }),
        fc.string(),
        (password, name) => {
          const verdict = checkPassword(password, { username: name, displayName: name });
          expect(verdict.ok).toBe(verdict.problems.length === 0);
        },
      ),
      { numRuns: 200 },
    ));
});
