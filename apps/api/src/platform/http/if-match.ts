import { ValidationFailed } from './validation.js';

/**
 * The version a client based its change on: `If-Match: <version>` (quotes and W/ allowed, as
 * ETags are written) or `expectedVersion` in the body. Undefined when the client sent neither,
 * in which case the change applies to the latest version.
 */
export function expectedVersionOf(ifMatch: string | undefined, body?: unknown): number | undefined {
  if (ifMatch !== undefined && ifMatch !== '') {
    const raw = ifMatch
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
    const version = Number(raw);
    if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(version)) {
      throw new ValidationFailed([{ field: 'header.if-match', message: 'must be a version number' }]);
    }
    return version;
  }
  if (typeof body === 'object' && body !== null && 'expectedVersion' in body) {
    const version = (body as { expectedVersion: unknown }).expectedVersion;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
      throw new ValidationFailed([{ field: 'body.expectedVersion', message: 'must be a version number' }]);
    }
    return version;
  }
  return undefined;
}
