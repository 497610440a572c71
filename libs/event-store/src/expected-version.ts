/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** The stream must exist, at any version. */
export const STREAM_EXISTS = 'stream_exists' as const;
/** No check at all. */
export const ANY = 'any' as const;

/** A number n means "the stream holds exactly n events" (0 is the same as NO_STREAM). */
export type ExpectedVersion = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY | number;

export function describeExpectedVersion(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : expected;
}
