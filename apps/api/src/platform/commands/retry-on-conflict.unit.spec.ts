import fc from 'fast-check';
import { WrongExpectedVersionError } from '@laget/event-store';
import { DomainError } from '../domain/domain-error.js';
import {
  conflictPause,
  conflictRetryPolicy,
  retryOnConflict,
  StaleDecision,
  staleDecisionOr,
} from './retry-on-conflict.js';

const conflict = () => new WrongExpectedVersionError('s', 1, 2);
const quick = { attempts: 4, firstPauseMs: 1, maxPauseMs: 2 };

describe('retryOnConflict (docs/adr/0018)', () => {
  it('decides again after a stale decision and answers with the attempt that landed', async () => {
    const seen: number[] = [];
    const answer = await retryOnConflict(async (attempt) => {
      seen.push(attempt);
      if (attempt < 3) throw new StaleDecision(conflict());
      return 'landed';
    }, quick);
    expect(answer).toBe('landed');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('throws the last conflict itself once the attempts are spent', async () => {
    let attempts = 0;
    const last = conflict();
    await expect(
      retryOnConflict(async () => {
        attempts++;
        throw new StaleDecision(attempts === quick.attempts ? last : conflict());
      }, quick),
    ).rejects.toBe(last);
    expect(attempts).toBe(quick.attempts);
  });

  it('passes a refusal on at once, a version conflict the decision raised (a moved If-Match) included', async () => {
    for (const refusal of [conflict(), new DomainError('conflict', 'already submitted'), new Error('down')]) {
      let attempts = 0;
      await expect(
        retryOnConflict(async () => {
          attempts++;
          throw refusal;
        }, quick),
      ).rejects.toBe(refusal);
      expect(attempts).toBe(1);
    }
  });

  it('marks only version conflicts of an append as stale', () => {
    expect(staleDecisionOr(conflict())).toBeInstanceOf(StaleDecision);
    const other = new Error('x');
    expect(staleDecisionOr(other)).toBe(other);
  });

  it('pauses between 0 and a ceiling that doubles from the first pause up to the longest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const pause = conflictPause(n, conflictRetryPolicy, () => r);
          const ceiling = Math.min(
            conflictRetryPolicy.maxPauseMs,
            conflictRetryPolicy.firstPauseMs * 2 ** (n - 1),
          );
          return pause >= 0 && pause < ceiling + 1e-9 && pause <= conflictRetryPolicy.maxPauseMs;
        },
      ),
    );
    // All the pauses of a command that loses every race: well under a second.
    const worst = Array.from({ length: conflictRetryPolicy.attempts - 1 }, (_, n) =>
      conflictPause(n + 1, conflictRetryPolicy, () => 1),
    ).reduce((a, b) => a + b, 0);
    expect(worst).toBeLessThan(400);
  });
});
