import type { LagesbildDocument } from '@laget/contracts';
import type { TranslateFunction } from 'react-admin';
import { placeOf } from './document-fields.js';

const fieldKeys: Record<string, string> = {
  problem: 'laget.incident.problem',
  location: 'laget.incident.location',
  occurredAt: 'laget.incident.occurredAt',
  frequency: 'laget.incident.frequency',
  comment: 'laget.incident.comment',
  text: 'laget.lagesbild.field_text',
  title: 'laget.lagesbild.field_title',
  label: 'laget.lagesbild.field_label',
  note: 'laget.lagesbild.field_note',
};

/** "Övrigt, texten" or "Händelser, rad 2, Kommentar": where a redaction is, in words. */
export function placeLabel(
  translate: TranslateFunction,
  doc: LagesbildDocument | undefined,
  sectionId: string,
  path: string | null,
): string {
  const { section, row, field } = placeOf(doc, sectionId, path);
  const parts = [section?.title ?? sectionId];
  if (row !== null) parts.push(translate('laget.lagesbild.row', { row }));
  if (field) parts.push(fieldKeys[field] ? translate(fieldKeys[field]) : field);
  if (path === null) parts.push(translate('laget.lagesbild.item_gone'));
  return parts.join(', ');
}
