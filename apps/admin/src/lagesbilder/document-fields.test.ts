import type { LagesbildDocument } from '@laget/contracts';
import { describe, expect, it } from 'vitest';
import { fieldText, placeOf, proposedSpan, spanOf } from './document-fields.js';

const doc: LagesbildDocument = {
  id: '2024-W48',
  period: '2024-W48',
  status: 'compiled',
  revision: 3,
  version: 7,
  view: 'internal',
  sections: [
    { id: 'other', kind: 'other', title: 'Övrigt', text: 'Igår: Lisa Eriksson ringde.' },
    {
      id: 'incidents',
      kind: 'incidents',
      title: 'Händelser',
      items: [
        {
          id: 'i1',
          organisationId: 'o1',
          organisationName: 'Skolan',
          problem: 'Klotter',
          location: 'Idrottshallen',
          occurredAt: 'fredag',
          frequency: 'varje vecka',
          assessment: { severity: 2, scope: 'EA' },
          comment: 'Ring 070-174 06 05',
        },
      ],
    },
  ],
};

describe('where a redaction points', () => {
  it('reads a section text and an incident field by their JSON Pointer', () => {
    expect(fieldText(doc, 'other', '/text')).toBe('Igår: Lisa Eriksson ringde.');
    expect(fieldText(doc, 'incidents', '/items/0/comment')).toBe('Ring 070-174 06 05');
    expect(placeOf(doc, 'incidents', '/items/0/comment')).toMatchObject({ row: 1, field: 'comment' });
    expect(placeOf(doc, 'incidents', '/items/0/comment').section?.title).toBe('Händelser');
  });

  it('finds nothing where the item is gone or the field is not text', () => {
    expect(fieldText(doc, 'incidents', '/items/4/comment')).toBeUndefined();
    expect(fieldText(doc, 'incidents', '/items/0/assessment')).toBeUndefined();
    expect(fieldText(doc, 'incidents', null)).toBeUndefined();
    expect(fieldText(doc, 'nowhere', '/text')).toBeUndefined();
    expect(placeOf(doc, 'incidents', '/items/0')).toMatchObject({ row: 1, field: null });
  });

  it('unescapes ~1 and ~0 in pointer tokens', () => {
    expect(placeOf(doc, 'other', '/a~1b~0c').field).toBe('a/b~c');
  });
});

describe('a first guess for re-confirming a stale mask', () => {
  it('keeps the old offsets where they still fit', () => {
    expect(proposedSpan('Igår: Lisa Eriksson ringde.', { start: 0, end: 13 })).toEqual({ start: 0, end: 13 });
  });

  it('pulls offsets past a shortened text back inside it, never empty', () => {
    expect(proposedSpan('Kort', { start: 10, end: 20 })).toEqual({ start: 3, end: 4 });
    expect(proposedSpan('Kort text', { start: 2, end: 40 })).toEqual({ start: 2, end: 9 });
    expect(proposedSpan('Kort', {})).toEqual({ start: 0, end: 1 });
    expect(proposedSpan('', { start: 1, end: 2 })).toEqual({ start: 0, end: 0 });
  });
});

describe('finding a typed text in the field', () => {
  const text = 'Lisa ringde. Igår: Lisa Eriksson ringde igen.';

  it('takes the occurrence nearest the old mask', () => {
    expect(spanOf(text, 'Lisa', 0)).toEqual({ start: 0, end: 4 });
    expect(spanOf(text, 'Lisa', 17)).toEqual({ start: 19, end: 23 });
  });

  it('finds nothing for a text that is not there, or for nothing', () => {
    expect(spanOf(text, 'Kalle', 0)).toBeUndefined();
    expect(spanOf(text, '', 0)).toBeUndefined();
  });
});
