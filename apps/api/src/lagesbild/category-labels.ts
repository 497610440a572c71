import { DEFAULT_INCIDENT_CATEGORIES } from '@laget/contracts';
import { UNCATEGORISED } from './analysis-layout.js';

/*
 * The Swedish label of an incident category key, for the analysis' headings and charts. The
 * configured list (LAGET_INCIDENT_CATEGORIES, GET /api/incident-categories) is the source where
 * it is known (a period analysis stores each incident's label at compile); the defaults cover a
 * key that is not configured (any more), so it still reads as a word rather than a slug.
 */
const defaults: Record<string, string> = {
  [UNCATEGORISED]: 'Okategoriserad',
  ...Object.fromEntries(DEFAULT_INCIDENT_CATEGORIES.map(({ key, label }) => [key, label])),
};

export function categoryLabel(key: string, configured?: ReadonlyMap<string, string>): string {
  const label = configured?.get(key) ?? defaults[key];
  if (label) return label;
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase('sv-SE') + words.slice(1);
}
