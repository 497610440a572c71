import { areaFeatureSchema, areaName, type AreaGeometry, type AreaImportResult } from '@laget/contracts';
import { areaNamed, sameAreaName, type AreaEvent, type AreaRegisterState } from './area-register.decider.js';
import { firstRingCrossing } from './ring-crossings.js';

/** One feature of an import as read: an area to define or redraw, or the reason it is refused. */
export type ReadFeature =
  | { index: number; ok: true; name: string; geometry: AreaGeometry }
  | { index: number; ok: false; name: string | null; reason: string };

/** The name a feature gives, if it gives a readable one (for the answer about a refused feature). */
function nameOf(feature: unknown): string | null {
  if (typeof feature !== 'object' || feature === null) return null;
  const properties = (feature as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return null;
  const raw = Object.hasOwn(properties, 'name')
    ? (properties as { name?: unknown }).name
    : (properties as { namn?: unknown }).namn;
  // Only a name that could be stored is repeated in the answer (never a lone surrogate or NUL).
  const name = areaName.safeParse(raw);
  return name.success ? name.data : null;
}

/**
 * Each feature read on its own (pure): a broken one is refused with the first reason, naming the
 * field as `features.<index>.<path>` (a ring that crosses itself too); a name that an earlier feature of the same file already
 * gave is refused too (which drawing would win is not for us to guess).
 */
export function readFeatures(features: readonly unknown[]): ReadFeature[] {
  const read: ReadFeature[] = [];
  features.forEach((feature, index) => {
    const parsed = areaFeatureSchema.safeParse(feature);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = ['features', index, ...issue.path].join('.');
      read.push({ index, ok: false, name: nameOf(feature), reason: `${field}: ${issue.message}` });
      return;
    }
    const crossing = firstRingCrossing(parsed.data.geometry);
    if (crossing) {
      const field = ['features', index, 'geometry', ...crossing.path].join('.');
      read.push({ index, ok: false, name: parsed.data.name, reason: `${field}: ${crossing.message}` });
      return;
    }
    const earlier = read.find((other) => other.ok && sameAreaName(other.name, parsed.data.name));
    if (earlier) {
      read.push({
        index,
        ok: false,
        name: parsed.data.name,
        reason: `features.${index}.properties.name: Namnet finns redan i filen (objekt ${earlier.index}) / the name is already in the file (feature ${earlier.index})`,
      });
      return;
    }
    read.push({ index, ok: true, ...parsed.data });
  });
  return read;
}

/** What became of each feature, from the register after the import and the events it appended. */
export function importResults(
  read: readonly ReadFeature[],
  after: AreaRegisterState,
  events: readonly AreaEvent[],
): AreaImportResult[] {
  return read.map((feature) => {
    if (!feature.ok) {
      return {
        index: feature.index,
        name: feature.name,
        outcome: 'refused',
        areaId: null,
        reason: feature.reason,
      };
    }
    const area = areaNamed(after, feature.name);
    if (!area) {
      return {
        index: feature.index,
        name: feature.name,
        outcome: 'refused',
        areaId: null,
        reason: 'Området kunde inte läggas in / the area could not be added',
      };
    }
    const mine = events.filter((event) => event.data.areaId === area.id);
    const outcome = mine.some((event) => event.type === 'AreaDefined')
      ? 'created'
      : mine.some((event) => event.type === 'AreaRedrawn')
        ? 'redrawn'
        : 'unchanged';
    return { index: feature.index, name: area.name, outcome, areaId: area.id, reason: null };
  });
}
