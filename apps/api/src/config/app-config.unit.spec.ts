import { z } from 'zod';
import { AppConfig, ConfigurationError } from './app-config.js';
import { choosePortIfAny } from './free-port.js';
import { startMessage } from './start-message.js';

describe('AppConfig', () => {
  it('defaults to embedded PGlite, in-process jobs and port 3000', () => {
    const config = AppConfig.fromEnvironment({});
    expect(config.eventStore).toBe('pglite');
    expect(config.readStore).toBe('pglite');
    expect(config.redisUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(false);
  });

  it('names the variable that is wrong', () => {
    expect(() => AppConfig.fromEnvironment({ PORT: 'many' })).toThrow(/PORT/);
    expect(() => AppConfig.fromEnvironment({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
    expect(() => AppConfig.fromEnvironment({ LAGET_ADMIN_PASSWORD: 'short' })).toThrow(
      /LAGET_ADMIN_PASSWORD/,
    );
  });

  it('requires DATABASE_URL for EVENT_STORE=postgres', () => {
    try {
      AppConfig.fromEnvironment({ EVENT_STORE: 'postgres' });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain('DATABASE_URL: is required when EVENT_STORE=postgres');
    }
  });

  it('treats empty variables as unset', () => {
    expect(AppConfig.fromEnvironment({ REDIS_URL: '', LAGET_DEMO: '1' }).demo).toBe(true);
  });
});

describe('the public address and the start message', () => {
  it('PUBLIC_BASE_URL defaults to the address Läget listens on, on any port', () => {
    expect(AppConfig.fromEnvironment({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(AppConfig.fromEnvironment({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(AppConfig.fromEnvironment({ PORT: '8080', HOST: '127.0.0.2' }).publicBaseUrl).toBe(
      'http://127.0.0.2:8080',
    );
    expect(AppConfig.fromEnvironment({ PORT: '8080', HOST: '::1' }).publicBaseUrl).toBe('http://[::1]:8080');
    expect(
      AppConfig.fromEnvironment({ PORT: '8080', PUBLIC_BASE_URL: 'https://laget.kommun.se/' }).publicBaseUrl,
    ).toBe('https://laget.kommun.se');
  });

  it('the start log names the socket’s real address, and the public one when it differs', () => {
    const config = AppConfig.fromEnvironment({ PORT: '8080' });
    expect(startMessage(config, { address: '0.0.0.0', port: 8080, family: 'IPv4' })).toBe(
      'Läget is listening on http://localhost:8080 (event store: pglite)',
    );
    expect(startMessage(config, { address: '::', port: 41234, family: 'IPv6' })).toBe(
      'Läget is listening on http://localhost:41234 (event store: pglite, public address http://localhost:8080)',
    );
  });

  it('LAGET_PUBLIC_FRAME_ANCESTORS takes origins only, and names itself when wrong', () => {
    expect(AppConfig.fromEnvironment({}).publicFrameAncestors).toEqual([]);
    expect(
      AppConfig.fromEnvironment({
        LAGET_PUBLIC_FRAME_ANCESTORS: 'https://www.norberg.se, https://intranat.norberg.se:8443',
      }).publicFrameAncestors,
    ).toEqual(['https://www.norberg.se', 'https://intranat.norberg.se:8443']);
    for (const wrong of [
      '*',
      'www.norberg.se',
      'https://www.norberg.se/sida',
      "'self'",
      'javascript:alert(1)',
    ])
      expect(() => AppConfig.fromEnvironment({ LAGET_PUBLIC_FRAME_ANCESTORS: wrong })).toThrow(
        /LAGET_PUBLIC_FRAME_ANCESTORS/,
      );
  });

  it('LAGET_SHUTDOWN_SECONDS defaults to 20 and takes whole seconds from 1 to 600', () => {
    expect(AppConfig.fromEnvironment({}).shutdownSeconds).toBe(20);
    expect(AppConfig.fromEnvironment({ LAGET_SHUTDOWN_SECONDS: '45' }).shutdownSeconds).toBe(45);
    for (const wrong of ['0', '-5', '1.5', 'soon', '601'])
      expect(() => AppConfig.fromEnvironment({ LAGET_SHUTDOWN_SECONDS: wrong })).toThrow(
        /LAGET_SHUTDOWN_SECONDS: must be/,
      );
  });
});

describe('one configuration: the platform, the municipality and the features', () => {
  const feature = {
    settings: z.object({
      LAGET_EXAMPLE_DAYS: z.coerce.number().int().min(1).default(7).describe('days of the example'),
    }),
  };

  it('validates every feature’s settings with the platform’s, naming every bad variable at once', () => {
    try {
      AppConfig.fromEnvironment({ PORT: 'many', LAGET_FOUR_EYES: 'kanske', LAGET_EXAMPLE_DAYS: '0' }, [
        feature,
      ]);
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      for (const variable of ['PORT', 'LAGET_FOUR_EYES', 'LAGET_EXAMPLE_DAYS'])
        expect(message).toContain(variable);
    }
  });

  it('gives a feature its parsed settings, and the municipality’s variables once for all', () => {
    const config = AppConfig.fromEnvironment(
      { LAGET_EXAMPLE_DAYS: '3', LAGET_MUNICIPALITY_NAME: 'Fagersta kommun', LAGET_FOUR_EYES: '1' },
      [feature],
    );
    expect(config.settingsOf(feature.settings)).toEqual({ LAGET_EXAMPLE_DAYS: 3 });
    expect(config.municipalityName).toBe('Fagersta kommun');
    expect(config.fourEyes).toBe(true);
    // A configuration built without the feature checks its settings on first use, as strictly.
    expect(() => AppConfig.fromEnvironment({ LAGET_EXAMPLE_DAYS: 'x' }).settingsOf(feature.settings)).toThrow(
      /LAGET_EXAMPLE_DAYS/,
    );
    expect(() => AppConfig.fromEnvironment({ LAGET_EXAMPLE_DAYS: 'x' }).requireSettings([feature])).toThrow(
      ConfigurationError,
    );
  });

  it('PORT=0 takes a free port before the application is built, so the default public address names it', async () => {
    const config = await choosePortIfAny(AppConfig.fromEnvironment({ PORT: '0', HOST: '127.0.0.1' }));
    expect(config.port).toBeGreaterThan(0);
    expect(config.publicBaseUrl).toBe(`http://127.0.0.1:${config.port}`);
    const fixed = AppConfig.fromEnvironment({ PORT: '8080' });
    expect(await choosePortIfAny(fixed)).toBe(fixed);
  });
});
