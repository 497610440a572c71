/*
 * The names of the lägesbild's streams, defined once. A leaf with no imports, so that any feature
 * that reads or guards on these streams (reporting's period status, publication's job) can import
 * it without importing the lägesbild's decider or module (no import cycle).
 */

/** The stream that holds one week's lägesbild; its id is the period. */
export function lagesbildStreamId(period: string): string {
  return `lagesbild-${period}`;
}

/** Where reads of internal content are recorded (who, when, which view and revision). */
export const lagesbildReadStreamId = (period: string) => `lagesbildread-${period}`;

/** The period a lägesbild stream is about: `lagesbild-2024-W48` → `2024-W48`. */
export function periodOfStream(streamId: string): string {
  const prefix = lagesbildStreamId('');
  if (!streamId.startsWith(prefix)) throw new Error(`Not a lägesbild stream: ${streamId}`);
  return streamId.slice(prefix.length);
}
