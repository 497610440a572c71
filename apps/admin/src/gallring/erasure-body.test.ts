import { describe, expect, it } from 'vitest';
import { erasureBody } from './ErasureForm.js';

describe('erasureBody', () => {
  it('puts the match under its own kind, trimmed, as the API takes exactly one', () => {
    expect(
      erasureBody('personnummer', ' 19800101-1234 ', 'GDPR art. 17', ' Begäran från den registrerade ', true),
    ).toEqual({
      match: { personnummer: '19800101-1234' },
      legalGround: 'GDPR art. 17',
      reason: 'Begäran från den registrerade',
      dryRun: true,
    });
    expect(erasureBody('email', 'a@b.se', 'x', 'y', false).match).toEqual({ email: 'a@b.se' });
  });
});
