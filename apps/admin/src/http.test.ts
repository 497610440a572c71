import { describe, expect, it } from 'vitest';
import { errorMessage, newRequestId, ourHalf } from './http.js';

describe('error messages a person can act on', () => {
  it("keeps the server's words where they name a field or a rule", () => {
    expect(
      errorMessage(400, { message: 'Problematik: får inte vara tom / problem: must not be empty' }),
    ).toContain('Problematik');
    expect(errorMessage(422, { message: ['a', 'b'] })).toBe('a; b');
  });

  it('shows the Swedish half of bilingual words, and a refused field in its own words', () => {
    expect(
      errorMessage(409, { message: 'Platsen "Arenan" finns redan / A place with this name exists' }),
    ).toBe('Platsen "Arenan" finns redan');
    expect(
      errorMessage(400, {
        message:
          'Invalid input: body.assessment.severity: Allvarlighetsgrad: måste vara 1–5 / severity: must be 1–5',
        details: [
          {
            field: 'body.assessment.severity',
            message: 'Allvarlighetsgrad: måste vara 1–5 / severity: must be 1–5',
          },
          { field: 'body.problem', message: 'Problematik: får inte vara tom / problem: must not be empty' },
        ],
      }),
    ).toBe('Allvarlighetsgrad: måste vara 1–5; Problematik: får inte vara tom');
  });

  it('shows the English half where the panel was switched to English', () => {
    expect(ourHalf('Platsen finns redan / A place with this name exists', 'en')).toBe(
      'A place with this name exists',
    );
    expect(ourHalf('Bara svenska', 'en')).toBe('Bara svenska');
  });

  it('says in Swedish what a refusal means, whatever language the server used', () => {
    expect(errorMessage(404, { message: 'Report was not found' })).toBe(
      'Finns inte, eller så får du inte se det.',
    );
    expect(errorMessage(429, {})).toMatch(/För många försök/);
    expect(errorMessage(418, undefined)).toBe('Servern svarade 418');
  });
});

describe('server errors', () => {
  it('say in Swedish that something broke, with the reference to quote, not the English body', () => {
    const text = errorMessage(
      500,
      { statusCode: 500, message: 'Something went wrong on our side; it has been logged.' },
      'a1b2c3d4e5f6',
    );
    expect(text).toBe('Något gick fel hos oss; felet är loggat. (Referens: a1b2c3d4e5f6)');
  });

  it("show the Swedish half of the API's bilingual outage message", () => {
    const text = errorMessage(
      503,
      {
        message:
          'Databasen går inte att nå just nu; försök igen om en stund / The database cannot be reached right now; try again shortly.',
      },
      'ref',
    );
    expect(text).toBe('Databasen går inte att nå just nu; försök igen om en stund (Referens: ref)');
  });

  it('make request ids the API accepts as correlation ids', () => {
    const id = newRequestId();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(newRequestId()).not.toBe(id);
  });
});
