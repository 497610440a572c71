import type { TrendCell } from './trends.sql.js';

/** The key of the incidents outside every area (or at no place of the register). */
export const OUTSIDE_AREAS = 'utan-omrade';
export const OUTSIDE_AREAS_LABEL = 'Utanför områden';

/**
 * Cells by place folded into cells by area (pure). Counts add up; the mean severity is weighted
 * by the count, as the SQL takes it (sum of severity × n over sum of n), so a place with many
 * incidents weighs more than one with a single grave one; it stays null where every cell of the
 * area had none. A place outside every area, or no place (key ''), lands in `utan-omrade`.
 */
export function foldCellsIntoAreas(
  cells: readonly TrendCell[],
  placeAreas: Readonly<Record<string, string>>,
): TrendCell[] {
  const folded = new Map<string, { bucket: string; key: string; n: number; severitySum: number | null }>();
  for (const cell of cells) {
    const key = Object.hasOwn(placeAreas, cell.key) ? placeAreas[cell.key]! : OUTSIDE_AREAS;
    const id = `${cell.bucket}\u0000${key}`;
    const into = folded.get(id) ?? { bucket: cell.bucket, key, n: 0, severitySum: null };
    into.n += cell.n;
    if (cell.mean !== null) into.severitySum = (into.severitySum ?? 0) + cell.mean * cell.n;
    folded.set(id, into);
  }
  return [...folded.values()].map(({ bucket, key, n, severitySum }) => ({
    bucket,
    key,
    n,
    mean: severitySum === null || n === 0 ? null : severitySum / n,
  }));
}
