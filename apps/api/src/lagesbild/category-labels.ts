import { UNCATEGORISED } from './analysis-layout.js';

/*
 * The Swedish label of an incident category key, for the analysis' headings and charts. The
 * configured list (LAGET_INCIDENT_CATEGORIES, GET /api/incident-categories) is the source where
 * it is known; these are the issue's defaults, so a key that is not configured (any more) still
 * reads as a word rather than a slug.
 */
const defaults: Record<string, string> = {
  [UNCATEGORISED]: 'Okategoriserad',
  skadegorelse: 'Skadegörelse',
  klotter: 'Klotter',
  nedskrapning: 'Nedskräpning',
  narkotika: 'Narkotika',
  alkohol: 'Alkohol',
  vald: 'Våld',
  hot: 'Hot',
  'stold-inbrott': 'Stöld/inbrott',
  bedrageri: 'Bedrägeri',
  'buskorning-trafik': 'Buskörning/trafik',
  'ungdomar-i-grupp': 'Ungdomar i grupp',
  'otrygg-plats': 'Otrygg plats',
  'psykisk-ohalsa-missbruk': 'Psykisk ohälsa/missbruk',
  brand: 'Brand',
  ovrigt: 'Övrigt',
};

export function categoryLabel(key: string, configured?: ReadonlyMap<string, string>): string {
  const label = configured?.get(key) ?? defaults[key];
  if (label) return label;
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase('sv-SE') + words.slice(1);
}
