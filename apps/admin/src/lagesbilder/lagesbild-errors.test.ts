import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { swedishError } from './lagesbild-errors.js';

describe('a refusal in Swedish', () => {
  it('takes the Swedish half of a bilingual answer', () => {
    expect(
      swedishError(
        new HttpError('Inget är publicerat för veckan / Nothing is published for this week', 422, {}),
      ),
    ).toBe('Inget är publicerat för veckan');
  });

  it('keeps an answer that is Swedish already', () => {
    expect(swedishError(new HttpError('Du har inte behörighet till detta.', 403, {}))).toBe(
      'Du har inte behörighet till detta.',
    );
  });

  it('says what an English-only answer means', () => {
    expect(swedishError(new HttpError('Redaction r1 was not found', 404, {}))).toBe(
      'Finns inte, eller så får du inte se det.',
    );
    expect(swedishError(new HttpError('stale version', 409, {}))).toMatch(/Någon annan har ändrat/);
    expect(swedishError(new Error('Failed to fetch'))).toBe('Något gick fel. Försök igen om en stund.');
  });
});
