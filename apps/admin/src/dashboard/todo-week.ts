/**
 * The week the coordinator's to-do list is about, for its heading. The card's own heading names
 * the week open for reporting, while what waits is usually the compiled week before it, so the
 * to-do heading names its week whenever every item concerns the same one; otherwise it names
 * none and each item says its own week.
 */
export function todoWeek(
  lagesbildPeriod: string | undefined,
  lagesbildItems: number,
  amendedPeriods: readonly string[],
): string | undefined {
  const weeks = new Set(amendedPeriods);
  if (lagesbildPeriod && lagesbildItems > 0) weeks.add(lagesbildPeriod);
  return weeks.size === 1 ? [...weeks][0] : undefined;
}
