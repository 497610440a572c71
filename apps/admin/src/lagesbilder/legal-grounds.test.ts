import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { allowedGroundsOf, defaultLegalGrounds, defaultsFor } from './legal-grounds.js';

describe('legal grounds', () => {
  it("learns the municipality's list from the API's refusal", () => {
    const refusal = new HttpError('not one of the configured legal grounds', 400, {
      details: { field: 'legalGround', allowed: ['OSL 26 kap. 1 §', 'Egen grund'] },
    });
    expect(allowedGroundsOf(refusal)).toEqual(['OSL 26 kap. 1 §', 'Egen grund']);
    expect(allowedGroundsOf(new HttpError('x', 400, {}))).toBeUndefined();
  });

  it('proposes only grounds the API accepts', () => {
    expect(defaultsFor('name', defaultLegalGrounds).legalGround).toBe('GDPR art. 10');
    expect(defaultsFor('phone', defaultLegalGrounds).legalGround).toBe('Uppgift om enskild');
    expect(defaultsFor('name', ['OSL 26 kap. 1 §']).legalGround).toBe('');
  });
});
