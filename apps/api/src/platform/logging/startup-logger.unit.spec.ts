import type { LoggerService } from '@nestjs/common';
import { RouteMappingAtDebugLogger } from './startup-logger.js';

function recording(): { calls: Array<[string, unknown[]]>; logger: LoggerService } {
  const calls: Array<[string, unknown[]]> = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      void calls.push([level, args]);
  return {
    calls,
    logger: {
      log: record('log'),
      error: record('error'),
      warn: record('warn'),
      debug: record('debug'),
      verbose: record('verbose'),
    },
  };
}

describe('RouteMappingAtDebugLogger', () => {
  it("moves Nest's route-mapping lines to debug", () => {
    const { calls, logger } = recording();
    const wrapped = new RouteMappingAtDebugLogger(logger);
    wrapped.log('Mapped {/api/me, GET} route', 'RouterExplorer');
    wrapped.log('MeController {/api/me}:', 'RoutesResolver');
    expect(calls).toEqual([
      ['debug', ['Mapped {/api/me, GET} route', 'RouterExplorer']],
      ['debug', ['MeController {/api/me}:', 'RoutesResolver']],
    ]);
  });

  it('leaves every other line at its level', () => {
    const { calls, logger } = recording();
    const wrapped = new RouteMappingAtDebugLogger(logger);
    wrapped.log('Nest application successfully started', 'NestApplication');
    wrapped.log('no context');
    wrapped.warn('careful', 'identity');
    wrapped.error('broken', 'stack', 'identity');
    expect(calls.map(([level]) => level)).toEqual(['log', 'log', 'warn', 'error']);
  });
});
