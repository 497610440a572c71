import type { AddressInfo } from 'node:net';
import { listeningUrl, type AppConfig } from './app-config.js';

/**
 * The start log's line: the address the server really listens on (from the socket, so PORT=0
 * and a taken default show the truth), and the public address when that is set to another.
 */
export function startMessage(
  config: Pick<AppConfig, 'publicBaseUrl' | 'eventStore'>,
  address: AddressInfo | string | null,
): string {
  const listening =
    address === null ? 'an unknown address' : typeof address === 'string' ? address : listeningUrl(address);
  const publicNote = config.publicBaseUrl === listening ? '' : `, public address ${config.publicBaseUrl}`;
  return `Läget is listening on ${listening} (event store: ${config.eventStore}${publicNote})`;
}
