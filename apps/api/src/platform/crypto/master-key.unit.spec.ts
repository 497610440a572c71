import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigurationError } from '../../config/app-config.js';
import { MASTER_KEY_FILE, loadMasterKey } from './master-key.js';

describe('the master key', () => {
  it('is required in production, and must be 32 bytes in base64', () => {
    expect(() => AppConfig.fromEnvironment({ NODE_ENV: 'production' })).toThrow(ConfigurationError);
    try {
      AppConfig.fromEnvironment({ NODE_ENV: 'production' });
    } catch (error) {
      expect(String((error as Error).message)).toContain('LAGET_MASTER_KEY');
    }
    const key = randomBytes(32).toString('base64');
    expect(AppConfig.fromEnvironment({ NODE_ENV: 'production', LAGET_MASTER_KEY: key }).masterKey).toBe(key);
    for (const bad of ['short', randomBytes(16).toString('base64'), randomBytes(32).toString('hex')])
      expect(() => AppConfig.fromEnvironment({ LAGET_MASTER_KEY: bad })).toThrow(ConfigurationError);
    expect(AppConfig.fromEnvironment({}).masterKey).toBeUndefined();
  });

  it('is generated once into DATA_DIR outside production, readable by its owner only, and then reused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'laget-master-'));
    try {
      const [first, second] = await Promise.all([
        loadMasterKey(undefined, dir),
        loadMasterKey(undefined, dir),
      ]);
      expect(first.length).toBe(32);
      expect(second.equals(first)).toBe(true);
      expect((await loadMasterKey(undefined, dir)).equals(first)).toBe(true);
      expect((await stat(join(dir, MASTER_KEY_FILE))).mode & 0o777).toBe(0o600);
      expect((await readFile(join(dir, MASTER_KEY_FILE), 'utf8')).trim()).toBe(first.toString('base64'));
      const configured = randomBytes(32);
      expect((await loadMasterKey(configured.toString('base64'), dir)).equals(configured)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
