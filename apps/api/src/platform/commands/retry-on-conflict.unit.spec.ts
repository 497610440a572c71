import fc from 'fast-check';
import { WrongExpectedVersionError } from '@laget/event-store';
import { DomainError } from '../domain/domain-error.js';
import {
  conflictPause,
  conflictRetryPolicy,
  retryOnConflict,
  StaleDecision,
  staleDecisionOr,
  StreamTurns,
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

describe('StreamTurns', () => {
  it('runs the work of one stream one after another, of different streams side by side, past failures', async () => {
    const turns = new StreamTurns();
    const log: string[] = [];
    const step =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`${name} starts`);
        await new Promise((done) => setTimeout(done, ms));
        log.push(`${name} ends`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      turns.take('a', step('a1', 20, true)),
      turns.take('a', step('a2', 1)),
      turns.take('b', step('b1', 5)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['a1 starts', 'b1 starts', 'b1 ends', 'a1 ends', 'a2 starts', 'a2 ends']);
    expect(await turns.take('a', async () => 'free again')).toBe('free again');
  });
});
