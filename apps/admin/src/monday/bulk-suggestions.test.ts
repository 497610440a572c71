import type { RedactionSuggestion } from '@laget/contracts';
import { describe, expect, it } from 'vitest';
import {
  contextParts,
  isPersonalData,
  selectedOf,
  sendEach,
  toggled,
  toggledAll,
  type BulkProgress,
} from './bulk-suggestions.js';

const suggestion = (id: string, kind: RedactionSuggestion['kind'], text: string): RedactionSuggestion => ({
  id,
  sectionId: 'org-skolan',
  path: '/items/0/comment',
  start: 0,
  end: text.length,
  kind,
  text,
  context: `Ring ${text} i kväll.`,
});

const list = [
  suggestion('a', 'personnummer', '19121212-1212'),
  suggestion('b', 'phone', '070-174 06 05'),
  suggestion('c', 'email', 'vakt@skolan.se'),
  suggestion('d', 'name', 'Kalle Svensson'),
  suggestion('e', 'address', 'Storgatan 3'),
];

describe('which suggestions are personal data', () => {
  it('takes personnummer, phone numbers and e-mail, not names or addresses', () => {
    expect(list.filter(isPersonalData).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('selection', () => {
  it('toggles one at a time', () => {
    const one = toggled(new Set(), 'd');
    expect([...one]).toEqual(['d']);
    expect([...toggled(one, 'd')]).toEqual([]);
  });

  it('selects all, and none when all are selected', () => {
    const all = toggledAll(new Set(['d']), list);
    expect(all.size).toBe(5);
    expect(toggledAll(all, list).size).toBe(0);
  });

  it('keeps only suggestions that are still there, in list order', () => {
    expect(selectedOf(new Set(['e', 'gone', 'd']), list).map((s) => s.id)).toEqual(['d', 'e']);
  });
});

describe('contextParts', () => {
  it('splits the text around the hit', () => {
    expect(contextParts(list[1]!)).toEqual({ before: 'Ring ', hit: '070-174 06 05', after: ' i kväll.' });
  });
  it('shows the context alone when the hit is not in it', () => {
    expect(contextParts({ text: 'x@y.se', context: 'annat' })).toEqual({
      before: 'annat',
      hit: '',
      after: '',
    });
  });
});

describe('sendEach', () => {
  it('sends one request per item in order and reports progress', async () => {
    const sent: string[] = [];
    const progress: BulkProgress[] = [];
    const outcome = await sendEach(
      ['a', 'b', 'c'],
      async (item) => {
        sent.push(item);
      },
      (p) => progress.push(p),
    );
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(outcome).toEqual({ succeeded: ['a', 'b', 'c'], failed: [] });
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);
  });

  it('waits for each answer before the next request leaves', async () => {
    let running = 0;
    let most = 0;
    await sendEach([1, 2, 3], async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
    });
    expect(most).toBe(1);
  });

  it('tries a 409 once more, and keeps other refusals while the rest carry on', async () => {
    const tries = new Map<string, number>();
    const outcome = await sendEach(['stale', 'refused', 'fine'], async (item) => {
      tries.set(item, (tries.get(item) ?? 0) + 1);
      if (item === 'stale' && tries.get(item) === 1)
        throw Object.assign(new Error('conflict'), { status: 409 });
      if (item === 'refused') throw Object.assign(new Error('rule'), { status: 422 });
    });
    expect(outcome.succeeded).toEqual(['stale', 'fine']);
    expect(outcome.failed.map((f) => f.item)).toEqual(['refused']);
    expect(tries.get('stale')).toBe(2);
    expect(tries.get('refused')).toBe(1);
  });
});
