import fc from 'fast-check';
import { checkPassword } from './password-policy.js';
import { generateOneTimePassword } from './password-hasher.js';

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
    expect(checkPassword('annaandersson1', ['anna.andersson', 'Anna Andersson', 'annaandersson']).ok).toBe(
      false,
    ));

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
        expect(checkPassword(password).ok).toBe(true);
      }),
      { numRuns: 20 },
    ));
});

describe('password policy and the person’s own name', () => {
  it('refuses the name run together with a digit', () =>
    expect(checkPassword('johansvensson1', ['johan', 'Johan Svensson']).ok).toBe(false));
});
