import fc from 'fast-check';
import type { Checkpoint } from '../event.js';
import {
  compareKurrentCheckpoints,
  decodeKurrentCheckpoint,
  encodeKurrentCheckpoint,
} from './kurrent-records.js';

const position = fc.record({
  commit: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  prepare: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
});

describe('KurrentDB checkpoints', () => {
  it('decode what they encode', () => {
    fc.assert(
      fc.property(position, (p) => expect(decodeKurrentCheckpoint(encodeKurrentCheckpoint(p))).toEqual(p)),
    );
  });

  it('order by commit position, then prepare position, and sort the same as text', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const expected =
          a.commit !== b.commit
            ? Math.sign(Number(a.commit - b.commit))
            : Math.sign(Number(a.prepare - b.prepare));
        const x = encodeKurrentCheckpoint(a);
        const y = encodeKurrentCheckpoint(b);
        expect(compareKurrentCheckpoints(x, y)).toBe(expected);
        expect(Math.sign(x.localeCompare(y, 'en'))).toBe(expected);
      }),
    );
  });

  it('refuses a checkpoint of another adapter with a message that says what was expected', () => {
    expect(() => decodeKurrentCheckpoint('42' as Checkpoint)).toThrow(/expected "<commit>:<prepare>"/);
  });
});
