import { describeWith } from '../../../../test/support/services.js';
import { startTestApp } from '../../../../test/support/app.js';
import { Client } from './test/http-client.js';

describeWith(['postgres'], 'first start without LAGET_ADMIN_PASSWORD', () => {
  it('creates "admin" with a random one-time password printed once to the log', async () => {
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const capture = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
    process.stdout.write = capture as typeof process.stdout.write;
    let app;
    try {
      app = await startTestApp({ store: 'postgres', env: { LAGET_ADMIN_PASSWORD: '', LOG_LEVEL: 'info' } });
    } finally {
      process.stdout.write = write;
    }
    try {
      const output = printed.join('');
      // One block: the heading line, then the password alone on its indented line.
      const block = /first start\. Log in as "admin" with this one-time password:\n\n {6}(\S+)\n/.exec(
        output,
      );
      expect(block).not.toBeNull();
      const password = block![1]!;
      expect(output.split(password)).toHaveLength(2); // printed once
      // At info, Nest's ~100 route lines (now at debug) are not among the start-up lines.
      expect(output).not.toContain('Mapped {');
      const admin = new Client(app.url);
      const login = await admin.login('admin', password);
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ roles: ['admin'], mustChangePassword: true });
    } finally {
      await app.close();
    }
  });
});
