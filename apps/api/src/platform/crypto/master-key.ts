import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MASTER_KEY_FILE = 'master.key';

/**
 * The master key that wraps every data key (docs/adr/0025): LAGET_MASTER_KEY when given (required
 * in production, where the configuration refuses to start without it); otherwise the one in
 * DATA_DIR/master.key, generated on first start (mode 0600) so the embedded default needs no
 * setup. Losing it makes every encrypted value unreadable: it is backed up apart from the data.
 */
export async function loadMasterKey(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'base64');
  const file = join(dataDir, MASTER_KEY_FILE);
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx': of two instances starting at once on one DATA_DIR, one writes and both read its key.
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = (await readFile(file, 'utf8')).trim();
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key in base64`);
  return key;
}
