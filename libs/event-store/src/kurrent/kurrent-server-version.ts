/**
 * The oldest KurrentDB this adapter runs on: appendRecords, which checks other streams in the
 * same atomic write (guarded appends, idempotency keys; docs/adr/0020), came with 26.1.
 */
export const MINIMUM_KURRENTDB_VERSION = '26.1';

/**
 * Throws a clear error unless `serverVersion` (as the client's server-features call reports it,
 * e.g. "26.1.1.0"; "unknown" where the server is too old to answer that call) is at least
 * MINIMUM_KURRENTDB_VERSION.
 */
export function requireSupportedServerVersion(serverVersion: string): void {
  const [major, minor] = MINIMUM_KURRENTDB_VERSION.split('.').map(Number) as [number, number];
  const match = /^v?(\d+)\.(\d+)/.exec(serverVersion.trim());
  const supported =
    match !== null && (Number(match[1]) > major || (Number(match[1]) === major && Number(match[2]) >= minor));
  if (!supported)
    throw new Error(
      `EVENTSTORE_URL points to KurrentDB/EventStoreDB ${serverVersion === 'unknown' ? 'of an unknown, older version' : serverVersion}; ` +
        `Läget needs KurrentDB ${MINIMUM_KURRENTDB_VERSION} or newer (its appends check other streams in the same write ` +
        `with appendRecords). Upgrade the server, e.g. the image kurrentplatform/kurrentdb:26.1 in docker-compose.yml.`,
    );
}
