import type { DocumentItem, DocumentSection } from '@laget/contracts';
import { DomainError } from '../platform/domain/domain-error.js';
import { arrayIndex, formatJsonPointer, parseJsonPointer } from './json-pointer.js';

/**
 * What a redaction points at. The client sends a JSON Pointer into the section as the internal
 * view shows it (`/items/3/comment`); we keep the item's id instead of its index, because a
 * recompile may reorder or add items and the redaction must stay on the same incident.
 */
export type RedactionTarget =
  | { kind: 'section'; sectionId: string }
  | { kind: 'item'; sectionId: string; itemId: string }
  | { kind: 'field'; sectionId: string; itemId: string | null; field: string };

/**
 * Identifiers, machine keys and configured words are never free text; leave the item out rather
 * than mask them. An incident's week, category and category label are of that kind: a period
 * analysis counts by them, so a mask would only move the incident to a category "[maskerat]".
 */
export const structuralFields: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'organisationId',
  'key',
  'period',
  'category',
  'categoryLabel',
]);
const sectionTextFields = ['title', 'text'] as const;

export interface TextField {
  itemId: string | null;
  field: string;
  /** The JSON Pointer as the internal view shows it now. */
  path: string;
  value: string;
}

function itemTextFieldNames(item: DocumentItem): string[] {
  return Object.entries(item)
    .filter(([name, value]) => typeof value === 'string' && !structuralFields.has(name))
    .map(([name]) => name);
}

/** Every free-text field of a section, in document order: what masks and suggestions work on. */
export function textFields(section: DocumentSection): TextField[] {
  const fields: TextField[] = [];
  for (const field of sectionTextFields) {
    const value = section[field];
    if (typeof value === 'string') fields.push({ itemId: null, field, path: `/${field}`, value });
  }
  section.items?.forEach((item, index) => {
    for (const field of itemTextFieldNames(item)) {
      const value = (item as unknown as Record<string, unknown>)[field] as string;
      fields.push({
        itemId: item.id,
        field,
        path: formatJsonPointer(['items', String(index), field]),
        value,
      });
    }
  });
  return fields;
}

/** Turns a client's pointer into a target, or says precisely what is wrong with it. */
export function resolveRedactionPath(section: DocumentSection, path: string): RedactionTarget {
  const tokens = parseJsonPointer(path);
  const invalid = (message: string) => new DomainError('invalid', `Ogiltig sökväg / ${message}`, { path });
  if (tokens === null) throw invalid(`"${path}" is not a JSON Pointer (RFC 6901); expected e.g. "/text"`);
  if (tokens.length === 0) return { kind: 'section', sectionId: section.id };
  const [first, second, third, ...rest] = tokens;
  if (first === 'items') {
    const index = arrayIndex(second);
    const item = index === null ? undefined : section.items?.[index];
    if (!item) throw invalid(`Section ${section.id} has no item at "${path}"`);
    if (third === undefined) return { kind: 'item', sectionId: section.id, itemId: item.id };
    if (rest.length > 0 || !itemTextFieldNames(item).includes(third)) {
      throw invalid(
        `"${path}" is not a text field of the item; text fields: ${itemTextFieldNames(item).join(', ')}`,
      );
    }
    return { kind: 'field', sectionId: section.id, itemId: item.id, field: third };
  }
  if (
    tokens.length === 1 &&
    first !== undefined &&
    (sectionTextFields as readonly string[]).includes(first)
  ) {
    if (typeof section[first as (typeof sectionTextFields)[number]] !== 'string') {
      throw invalid(`Section ${section.id} has no ${first}`);
    }
    return { kind: 'field', sectionId: section.id, itemId: null, field: first };
  }
  throw invalid(
    `"${path}" is not a text field, item or section; expected "", "/text", "/items/<n>" or "/items/<n>/<field>"`,
  );
}

export function findItem(
  section: DocumentSection,
  itemId: string,
): { item: DocumentItem; index: number } | null {
  const index = section.items?.findIndex((item) => item.id === itemId) ?? -1;
  const item = index >= 0 ? section.items?.[index] : undefined;
  return item ? { item, index } : null;
}

/** The field's current text, or undefined where the item or field is gone (a recompile dropped it). */
export function fieldValue(
  section: DocumentSection,
  itemId: string | null,
  field: string,
): string | undefined {
  const holder: unknown = itemId === null ? section : findItem(section, itemId)?.item;
  const value = holder ? (holder as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The pointer as the internal view shows the target now; null where the item is gone. */
export function currentPath(section: DocumentSection, target: RedactionTarget): string | null {
  switch (target.kind) {
    case 'section':
      return '';
    case 'item': {
      const found = findItem(section, target.itemId);
      return found ? formatJsonPointer(['items', String(found.index)]) : null;
    }
    case 'field': {
      if (target.itemId === null) return formatJsonPointer([target.field]);
      const found = findItem(section, target.itemId);
      return found ? formatJsonPointer(['items', String(found.index), target.field]) : null;
    }
  }
}
