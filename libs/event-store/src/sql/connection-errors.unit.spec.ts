import fc from 'fast-check';
import { ReconnectBackoff, isDatabaseUnavailable } from './connection-errors.js';

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    [
      '57P01 administrator shutdown',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['57P03 cannot connect now', withCode('57P03', 'the database system is starting up')],
    ['class 08', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection pg saw end', new Error('Connection terminated unexpectedly')],
    ['wrapped as a cause', new Error('load failed', { cause: withCode('ECONNRESET') })],
    ['every address refused', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
  ])('%s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a serialization failure (retried by the code, not the client)', withCode('40001')],
    ['bad input', withCode('22P02', 'invalid input syntax for type uuid')],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'Connection terminated'],
  ])('not for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});

describe('ReconnectBackoff', () => {
  it('grows from its base, stays within its cap, and starts over after a success', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (draws) => {
          let i = 0;
          const backoff = new ReconnectBackoff(200, 10_000, () => draws[i++ % draws.length]!);
          const pauses = draws.map(() => backoff.next());
          pauses.forEach((pause, n) => {
            const ceiling = Math.min(10_000, 200 * 2 ** n);
            expect(pause).toBeGreaterThanOrEqual(ceiling / 2);
            expect(pause).toBeLessThanOrEqual(ceiling);
          });
          backoff.succeeded();
          expect(backoff.next()).toBeLessThanOrEqual(200);
        },
      ),
    );
  });
});
