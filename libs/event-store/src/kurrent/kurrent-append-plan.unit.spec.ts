import { AppendConsistencyViolationError } from '@kurrent/kurrentdb-client';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../expected-version.js';
import {
  explainViolations,
  keyStreamName,
  planAppend,
  toStreamState,
  versionOf,
} from './kurrent-append-plan.js';

const metadata = {
  actorId: 'u',
  organisationId: null,
  correlationId: 'c',
  causationId: null,
  occurredAt: '2024-11-25T08:30:00+01:00',
};

/** Violations as the client 1.3.1 parses them from the server's error details. */
function violations(...list: [checkIndex: number, stream: string, expected: string, actual: string][]) {
  return new AppendConsistencyViolationError(
    undefined as never,
    {
      violationsList: list.map(([checkIndex, stream, expectedState, actualState]) => ({
        checkIndex,
        streamState: { stream, expectedState, actualState },
      })),
    } as never,
  ).violations;
}

describe('KurrentDB append plan', () => {
  it('maps versions (from 1) to revisions (from 0) and named states', () => {
    expect(toStreamState(NO_STREAM)).toBe('no_stream');
    expect(toStreamState(0)).toBe('no_stream');
    expect(toStreamState(3)).toBe(2n);
    expect(toStreamState(ANY)).toBe('any');
    expect(toStreamState(STREAM_EXISTS)).toBe('stream_exists');
    expect(() => toStreamState(-1)).toThrow(RangeError);
    expect(versionOf('no_stream')).toBeNull();
    expect(versionOf(2n)).toBe(3);
    expect(versionOf(-5n)).toBeNull(); // deleted
  });

  it('checks the stream, then each guard, then that the key is new; ANY checks nothing of its own', () => {
    const guards = [{ streamId: 'week', version: 2 }];
    const plan = planAppend('report', [{ type: 'A', data: {}, metadata }], 4, guards, {
      idempotencyKey: 'k',
      keyedAt: 4,
    });
    expect(plan.checks.map((c) => [c.streamName, c.expectedState])).toEqual([
      ['report', 3n],
      ['week', 1n],
      [keyStreamName('report', 'k'), 'no_stream'],
    ]);
    expect(plan.records.map((r) => r.streamName)).toEqual(['report', keyStreamName('report', 'k')]);
    expect(plan.records[1]!.record.data).toEqual({
      streamId: 'report',
      idempotencyKey: 'k',
      firstVersion: 5,
      lastVersion: 5,
    });
    expect(planAppend('report', [{ type: 'A', data: {}, metadata }], ANY, []).checks).toEqual([]);
    expect(keyStreamName('a', 'b:c')).not.toBe(keyStreamName('a:b', 'c'));
  });

  it('explains violations in the SQL stores’ order: key used, own stream, first guard', () => {
    const guards = [
      { streamId: 'w1', version: 1 },
      { streamId: 'w2', version: 0 },
    ];
    const plan = planAppend('r', [{ type: 'A', data: {}, metadata }], 1, guards, {
      idempotencyKey: 'k',
      keyedAt: 1,
    });
    const key = keyStreamName('r', 'k');
    expect(explainViolations(plan, violations([3, key, '-1', '0'], [0, 'r', '0', '1']), 'r', 1)).toEqual({
      keyUsed: true,
    });
    const own = explainViolations(plan, violations([2, 'w2', '-1', '4'], [0, 'r', '0', '1']), 'r', 1);
    expect(own).toMatchObject({ keyUsed: false, error: { streamId: 'r', expected: 1, actual: 2 } });
    const guard = explainViolations(plan, violations([2, 'w2', '-1', '4'], [1, 'w1', '0', '-1']), 'r', 1);
    expect(guard).toMatchObject({ keyUsed: false, error: { streamId: 'w1', expected: 1, actual: 0 } });
  });
});
