import { describe, expect, it } from 'vitest';
import type { Audience, LagesbildDocument, RedactionOverview, RedactionSuggestion } from '@laget/contracts';
import { cacheAfter, partsToLoad, staleAfter, type WorkspaceCache } from './workspace-cache.js';

const doc = (version: number, revision = 1): LagesbildDocument => ({
  id: '2026-W48',
  period: '2026-W48',
  status: 'compiled',
  revision,
  version,
  view: 'internal',
  sections: [],
});
const redaction = (id: string, extra: Partial<RedactionOverview> = {}): RedactionOverview => ({
  id,
  kind: 'mask',
  sectionId: 'slutsatser',
  path: '/text',
  start: 0,
  end: 4,
  legalGround: 'GDPR art. 9',
  reason: 'Pekar ut en person',
  appliedBy: 'u1',
  stale: false,
  ...extra,
});
const suggestion = (start: number): RedactionSuggestion =>
  ({
    sectionId: 'slutsatser',
    path: '/text',
    start,
    end: start + 4,
    kind: 'name',
    text: 'Anna',
  }) as RedactionSuggestion;
const audience = (name: string, title = name): Audience => ({
  name,
  title,
  organisationIds: [],
  roles: ['reviewer'],
  sectionIds: ['slutsatser'],
  incidentIds: null,
});
const cache = (): WorkspaceCache => ({
  document: { document: doc(7), compiled: true },
  redactions: [redaction('r1'), redaction('r2')],
  suggestions: [suggestion(0), suggestion(10)],
  audiences: [audience('skola')],
});

describe('a screen load reads only what the person may use', () => {
  const coordinator = { mayCompile: true, mayEdit: true, mayRedact: true, mayReadRedactions: true };
  const count = (parts: Record<string, boolean>) => Object.values(parts).filter(Boolean).length;

  it('the coordinator: the document and five parts, the open version only when a tab shows it', () => {
    expect(count(partsToLoad(coordinator, true, false))).toBe(5);
    expect(partsToLoad(coordinator, true, false).open).toBe(false);
    expect(partsToLoad(coordinator, true, true).open).toBe(true);
  });

  it('nothing but the draft before the week is compiled', () => {
    expect(count(partsToLoad(coordinator, false, true))).toBe(0);
  });

  it('a reader (EST group) reads the document alone', () => {
    expect(count(partsToLoad({ mayCompile: false, mayEdit: false, mayRedact: false }, true, false))).toBe(0);
  });
});

describe('a change refreshes only what it changed', () => {
  it('an edit answers the internal version: the document is written in, the audiences and history stay', () => {
    const answer = doc(8, 2);
    const after = cacheAfter({ kind: 'editSection', sectionId: 'slutsatser', text: 'Ny' }, answer, cache());
    expect(after.document).toEqual({ document: answer, compiled: true });
    expect(staleAfter.editSection).not.toContain('document');
    expect(staleAfter.editSection).not.toContain('audiences');
    expect(staleAfter.editSection).not.toContain('history');
  });

  it('a mask is added to the list from the answer, every one "everywhere" made', () => {
    const one = cacheAfter(
      {
        kind: 'redact',
        request: { sectionId: 's', path: '/text', exclude: true, legalGround: 'g', reason: 'r' },
      },
      { ...redaction('r3'), version: 8 },
      cache(),
    );
    expect(one.redactions?.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(one.redactions?.[2]).not.toHaveProperty('version');
    expect(one.document?.document.version).toBe(8);
    const many = cacheAfter(
      { kind: 'redact', request: { text: 'Anna', everywhere: true, legalGround: 'g', reason: 'r' } },
      { redactions: [redaction('r4'), redaction('r5')], version: 9 },
      cache(),
    );
    expect(many.redactions?.map((r) => r.id)).toEqual(['r1', 'r2', 'r4', 'r5']);
    expect(staleAfter.redact).not.toContain('redactions');
  });

  it('a lift removes the mask, a re-confirmation replaces it', () => {
    expect(
      cacheAfter({ kind: 'lift', redactionId: 'r1', reason: 'x' }, { version: 8 }, cache()).redactions,
    ).toEqual([redaction('r2')]);
    const renewed = cacheAfter(
      { kind: 'reconfirm', redactionId: 'r2', span: { start: 1, end: 5 } },
      { ...redaction('r2', { start: 1, end: 5 }), version: 8 },
      cache(),
    );
    expect(renewed.redactions?.[1]).toEqual(redaction('r2', { start: 1, end: 5 }));
  });

  it('a dismissal removes that suggestion and moves only the version', () => {
    const after = cacheAfter({ kind: 'dismiss', suggestion: suggestion(10) }, { version: 8 }, cache());
    expect(after.suggestions).toEqual([suggestion(0)]);
    expect(after.document?.document).toEqual(doc(8));
    expect(staleAfter.dismiss).toEqual([]);
  });

  it('a target group is written in or removed by name; nothing is read again', () => {
    const changed = cacheAfter(
      { kind: 'defineAudience', audience: audience('skola', 'Skolan') },
      { ...doc(8), view: 'audience:skola' },
      cache(),
    );
    expect(changed.audiences).toEqual([audience('skola', 'Skolan')]);
    // The answer is the target group's view: only its version is taken, not its content.
    expect(changed.document?.document).toEqual(doc(8));
    expect(cacheAfter({ kind: 'removeAudience', name: 'skola' }, { version: 8 }, cache()).audiences).toEqual(
      [],
    );
    expect(staleAfter.defineAudience).toEqual([]);
    expect(staleAfter.removeAudience).toEqual([]);
  });

  it('publishing and retracting touch the history, nothing else does', () => {
    const touchingHistory = Object.entries(staleAfter)
      .filter(([, parts]) => parts.includes('history'))
      .map(([kind]) => kind);
    expect(touchingHistory).toEqual(['retract']);
  });
});
