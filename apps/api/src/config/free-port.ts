import { createServer } from 'node:net';
import type { AppConfig } from './app-config.js';

/**
 * PORT=0 asks for any free port. The system picks one only when the server binds, after the
 * application has been built with the configuration (and so with the default PUBLIC_BASE_URL,
 * `http://localhost:0`, in its links, cookies' checks and jobs). So main.ts asks the system for a
 * free port first and builds the application for that one. Another process could take the port
 * in the moment between; then `listen` fails with EADDRINUSE and Läget stops, as with a taken
 * fixed port.
 */
export async function choosePortIfAny(config: AppConfig): Promise<AppConfig> {
  if (config.port !== 0) return config;
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, config.host, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
  return config.withPort(port);
}
