import fc from 'fast-check';
import type { Checkpoint } from '../event.js';
import { compareSqlCheckpoints, decodeSqlCheckpoint, encodeSqlCheckpoint } from './sql-checkpoint.js';

const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

describe('SQL checkpoints', () => {
  it('decode what they encode', () => {
    fc.assert(
      fc.property(uint64, uint64, (transactionId, globalPosition) =>
        expect(decodeSqlCheckpoint(encodeSqlCheckpoint(transactionId, globalPosition))).toEqual({
          transactionId,
          globalPosition,
        }),
      ),
    );
  });

  it('order by transaction id first, then global position, and sort the same as text', () => {
    fc.assert(
      fc.property(uint64, uint64, uint64, uint64, (ta, pa, tb, pb) => {
        const expected = ta !== tb ? (ta < tb ? -1 : 1) : pa === pb ? 0 : pa < pb ? -1 : 1;
        const a = encodeSqlCheckpoint(ta, pa);
        const b = encodeSqlCheckpoint(tb, pb);
        expect(compareSqlCheckpoints(a, b)).toBe(expected);
        expect(a < b ? -1 : a > b ? 1 : 0).toBe(expected);
      }),
    );
  });

  it('puts a later position of an earlier transaction first: that is the order transactions finish in', () => {
    expect(compareSqlCheckpoints(encodeSqlCheckpoint(700n, 12n), encodeSqlCheckpoint(701n, 11n))).toBe(-1);
  });

  it('refuses what is not one, saying what was expected', () => {
    expect(() => decodeSqlCheckpoint('17' as Checkpoint)).toThrow(/expected "<xid>:<position>"/);
    expect(() => encodeSqlCheckpoint(-1n, 0)).toThrow(/Out of range/);
  });
});
