import type { DocumentItem, DocumentSection, StatisticItem } from '@laget/contracts';
import { MASK_MARKER } from '@laget/contracts';
import { canonicalJson } from './content-hash.js';
import { maskedRegions, maskText, type Span } from './mask-text.js';
import { statisticsSentence } from './statistics-sentence.js';

/**
 * The police paragraph as the open version shows it. The paragraph is generated from the rows,
 * so when a row is left out or a row's text masked, it is generated again from the rows the open
 * version keeps (an excluded "1 sexualbrott" must not live on in the prose). Masks laid on the
 * paragraph itself still hold: what they covered is masked wherever it appears in the new text.
 * A paragraph that was not generated from its rows (written before rows carried every part of
 * it) cannot be generated again, so it is hidden whole rather than risk showing a left-out row.
 *
 * `textSpans`: the masks on the section's `/text`; null where one of them is stale.
 */
export function openStatisticsText(
  section: DocumentSection,
  openItems: readonly DocumentItem[],
  textSpans: Span[] | null | undefined,
): string | undefined {
  const text = section.text;
  if (text === undefined) return undefined;
  if (textSpans === null) return MASK_MARKER;
  const rows = (section.items ?? []) as StatisticItem[];
  if (canonicalJson(openItems) === canonicalJson(rows)) return textSpans ? maskText(text, textSpans) : text;
  if (statisticsSentence(rows) !== text) return MASK_MARKER;
  const derived = statisticsSentence(openItems as StatisticItem[]);
  if (!textSpans) return derived;
  const secrets = new Set(
    maskedRegions(text, textSpans)
      .map((region) => text.slice(region.start, region.end))
      .filter((secret) => secret.trim().length > 0),
  );
  const spans: Span[] = [];
  for (const secret of secrets) {
    for (let at = derived.indexOf(secret); at !== -1; at = derived.indexOf(secret, at + 1)) {
      spans.push({ start: at, end: at + secret.length });
    }
  }
  return maskText(derived, spans);
}
