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
