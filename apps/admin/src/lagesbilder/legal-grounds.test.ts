import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { allowedGroundsOf, suggestedReason } from './legal-grounds.js';

describe('legal grounds', () => {
  it("learns the municipality's list from the API's refusal", () => {
    const refusal = new HttpError('not one of the configured legal grounds', 400, {
      details: { field: 'legalGround', allowed: ['OSL 26 kap. 1 §', 'Egen grund'] },
    });
    expect(allowedGroundsOf(refusal)).toEqual(['OSL 26 kap. 1 §', 'Egen grund']);
    expect(allowedGroundsOf(new HttpError('x', 400, {}))).toBeUndefined();
  });

  it('never proposes a legal ground, only a first wording of the reason', () => {
    expect(suggestedReason('name')).toMatch(/enskild person/);
    expect(suggestedReason('masked_elsewhere')).toMatch(/maskerad på ett annat ställe/);
    expect(suggestedReason(undefined)).toBe('');
  });
});
