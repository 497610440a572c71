import { AppConfig, ConfigurationError } from './app-config.js';

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
