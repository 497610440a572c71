import type { AreaGeometry, OpenMapArea } from './queries/open-map-areas.query.js';

/*
 * The open map of a published version (issue 20, docs/adr/0030): counts per area and category,
 * never points. Pure: given the incidents the open version holds (with the place each lies at,
 * or none where the coordinator masked where it happened) and the areas in force at publication,
 * it counts once; the SVG, the HTML table, the PDF and the GeoJSON all draw from the result, so
 * none of them can show a number the others hide.
 */

/** One incident of the open version as the map sees it. */
export interface OpenMapIncident {
  category: string;
  /** The registered place; null when none was picked or its location was masked. */
  placeId: string | null;
}

/** One area × category cell: a count, or (1 … minCount−1 incidents) only that it is fewer than N. */
export type OpenMapCell =
  | { category: string; label: string; count: number }
  | { category: string; label: string; count: null; fewerThan: number };

export interface OpenMapAreaCounts {
  areaId: string;
  name: string;
  geometry: AreaGeometry;
  /** One per category of the map, in its order. */
  cells: OpenMapCell[];
}

/** What a publication keeps: the areas as drawn at publication, their cells and the rule applied. */
export interface OpenMap {
  minCount: number;
  /** Categories with at least one incident on the map, by label. */
  categories: Array<{ key: string; label: string }>;
  areas: OpenMapAreaCounts[];
}

export interface OpenMapInput {
  incidents: readonly OpenMapIncident[];
  areas: readonly OpenMapArea[];
  /** placeId → areaId; own keys only (a place outside every area is absent). */
  placeAreas: Readonly<Record<string, string>>;
  minCount: number;
  /** The category's Swedish label. */
  labelOf: (category: string) => string;
}

const swedish = new Intl.Collator('sv-SE');

/** The cell for `count` incidents under the rule `minCount`. */
export function cellOf(category: string, label: string, count: number, minCount: number): OpenMapCell {
  if (count > 0 && count < minCount) return { category, label, count: null, fewerThan: minCount };
  return { category, label, count };
}

/**
 * Counts the open version's incidents per area and category. No areas: no map (null). An
 * incident without a place, at a place outside every area, or whose place is not known is not on
 * the map, and how many were left out is not said (with the shown cells it could give a hidden
 * one away).
 */
export function openMapOf(input: OpenMapInput): OpenMap | null {
  if (input.areas.length === 0) return null;
  const minCount = Math.max(1, Math.floor(input.minCount));
  const areaIds = new Set(input.areas.map((area) => area.id));
  const counts = new Map<string, Map<string, number>>();
  for (const incident of input.incidents) {
    if (incident.placeId === null || !Object.hasOwn(input.placeAreas, incident.placeId)) continue;
    const areaId = input.placeAreas[incident.placeId];
    if (areaId === undefined || !areaIds.has(areaId)) continue;
    let perCategory = counts.get(areaId);
    if (!perCategory) counts.set(areaId, (perCategory = new Map()));
    perCategory.set(incident.category, (perCategory.get(incident.category) ?? 0) + 1);
  }
  const keys = new Set([...counts.values()].flatMap((perCategory) => [...perCategory.keys()]));
  const categories = [...keys]
    .map((key) => ({ key, label: input.labelOf(key) }))
    .sort((a, b) => swedish.compare(a.label, b.label) || (a.key < b.key ? -1 : 1));
  const areas = [...input.areas]
    .sort((a, b) => swedish.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((area) => ({
      areaId: area.id,
      name: area.name,
      geometry: area.geometry,
      cells: categories.map(({ key, label }) =>
        cellOf(key, label, counts.get(area.id)?.get(key) ?? 0, minCount),
      ),
    }));
  return { minCount, categories, areas };
}

/** Whether the cell's number may be read. */
export function isShown(cell: OpenMapCell): cell is Extract<OpenMapCell, { count: number }> {
  return cell.count !== null;
}

/**
 * The one total the map shows for an area: the sum of its shown cells. A total with the hidden
 * cells in it would give them away by subtraction, so there is none.
 */
export function shownSum(area: OpenMapAreaCounts): number {
  return area.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
}

export function hiddenCells(area: OpenMapAreaCounts): number {
  return area.cells.filter((cell) => !isShown(cell)).length;
}

/** "färre än 3": the words for a hidden cell, everywhere the map is shown. */
export function fewerThanText(minCount: number): string {
  return `färre än ${minCount}`;
}

/** A cell as text: "4", "0" or "färre än 3". */
export function cellText(cell: OpenMapCell): string {
  return cell.count === null ? fewerThanText(cell.fewerThan) : String(cell.count);
}

/** The map's description for a screen reader and the PDF's Alt: each area with what is shown of it. */
export function openMapAltText(map: OpenMap): string {
  const areas = map.areas.map((area) => {
    const parts = area.cells
      .filter((cell) => cell.count !== 0)
      .map((cell) => `${cell.label} ${cellText(cell)}`);
    return `${area.name}: ${parts.length > 0 ? parts.join(', ') : 'inga händelser'}`;
  });
  return (
    `Karta över händelser per område och kategori (områden med färre än ${map.minCount} ` +
    `händelser i en kategori visas som "${fewerThanText(map.minCount)}"). ${areas.join('. ')}.`
  );
}
