import { describe, expect, it } from 'vitest';
import { errorMessage } from './http.js';

describe('error messages a person can act on', () => {
  it("keeps the server's words where they name a field or a rule", () => {
    expect(
      errorMessage(400, { message: 'Problematik: får inte vara tom / problem: must not be empty' }),
    ).toContain('Problematik');
    expect(errorMessage(422, { message: ['a', 'b'] })).toBe('a; b');
  });

  it('says in Swedish what a refusal means, whatever language the server used', () => {
    expect(errorMessage(404, { message: 'Report was not found' })).toBe(
      'Finns inte, eller så får du inte se det.',
    );
    expect(errorMessage(429, {})).toMatch(/För många försök/);
    expect(errorMessage(418, undefined)).toBe('Servern svarade 418');
  });
});
