import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password.js';

describe('password change checks', () => {
  it('asks for at least 12 characters, counted as a person counts them', () => {
    expect(
      passwordProblems({ currentPassword: 'x', newPassword: 'åäöåäöåäöåä', repeat: 'åäöåäöåäöåä' }),
    ).toEqual({
      newPassword: 'too_short',
    });
    expect(
      passwordProblems({
        currentPassword: 'x',
        newPassword: 'korp-ö-stol-lampa',
        repeat: 'korp-ö-stol-lampa',
      }),
    ).toEqual({});
  });

  it('wants the repeat to match and the new password to differ', () => {
    expect(
      passwordProblems({ currentPassword: 'samma-lösenord', newPassword: 'samma-lösenord', repeat: 'x' }),
    ).toEqual({
      newPassword: 'same',
      repeat: 'mismatch',
    });
  });
});
