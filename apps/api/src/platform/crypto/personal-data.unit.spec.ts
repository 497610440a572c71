import fc from 'fast-check';
import {
  forEachPersonalString,
  personalDataWalker,
  pointerOf,
  setAt,
  visitPersonalData,
} from './personal-data.js';

/** Every personal-data string the walk meets, as pointer → text. */
function textsOf(type: string, data: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  visitPersonalData(type, data, (pointer, value) => {
    expect(found[pointer]).toBeUndefined(); // each string once
    found[pointer] = value;
  });
  return found;
}

describe('which strings of an event are personal data', () => {
  it('follows names, any key or index, and the [field=…] filter of a change list', () => {
    const data = {
      incidentId: 'i-1',
      incident: {
        problem: 'Klotter',
        tags: ['Olle', 'grannen'],
        occurredAt: { raw: 'fredag', parsed: { kind: 'weekday', day: 'fredag' } },
        category: 'skadegorelse',
        assessment: { severity: 2, scope: 'EA' },
      },
      changes: [
        { field: 'problem', before: null, after: 'Klotter' },
        { field: 'category', before: null, after: 'skadegorelse' },
        { field: 'tags', before: null, after: ['Olle'] },
      ],
    };
    expect(textsOf('IncidentReported', data)).toEqual({
      '/incident/problem': 'Klotter',
      '/incident/tags/0': 'Olle',
      '/incident/tags/1': 'grannen',
      '/incident/occurredAt/raw': 'fredag',
      '/incident/occurredAt/parsed/kind': 'weekday',
      '/incident/occurredAt/parsed/day': 'fredag',
      '/changes/0/after': 'Klotter',
      '/changes/2/after/0': 'Olle',
    });
  });

  it('passes over what it does not name, and what is not there or not a string', () => {
    expect(textsOf('OrganisationRegistered', { name: 'Polisen' })).toEqual({});
    expect(textsOf('ReportWithdrawn', { reason: 42 })).toEqual({});
    expect(textsOf('ReportWithdrawn', {})).toEqual({});
    expect(textsOf('ReportWithdrawn', null)).toEqual({});
    // A named key on an array, a filter on an object: nothing.
    expect(textsOf('ProblemEdited', { changes: { field: 'description', after: 'x' } })).toEqual({});
    expect(textsOf('UserCreated', ['displayName'])).toEqual({});
    // A key that only the prototype has is not the event's.
    expect(textsOf('ReportWithdrawn', Object.create({ reason: 'ärvd' }) as object)).toEqual({});
  });

  it('escapes a key the way RFC 6901 says, and writes an array index as its number', () => {
    expect(pointerOf(['reports', 0, 'a/b', 'c~d'])).toBe('/reports/0/a~1b/c~0d');
    expect(pointerOf([])).toBe('');
    const data = { reports: [{ report: 1, narrative: { text: 'a' } }], background: 'b' };
    expect(Object.keys(textsOf('LagesbildCompiled', data))).toEqual([
      '/background',
      '/reports/0/narrative/text',
    ]);
  });

  it('sets a text where it found it, in an object or an array, and nowhere else', () => {
    const data = { incident: { tags: ['Olle', 'Berg'], problem: 'p' }, changes: [] };
    forEachPersonalString('IncidentReported', data, (value, holder, key) => setAt(holder, key, `<${value}>`));
    expect(data).toEqual({ incident: { tags: ['<Olle>', '<Berg>'], problem: '<p>' }, changes: [] });
  });

  it('gives the path of the string being visited, as the pointer names it', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 4 }),
        fc.array(fc.string(), { maxLength: 3 }),
        (keyed, items) => {
          const data = { reports: [{ narrative: { text: 't' }, incidents: [keyed, { problem: items }] }] };
          const viaPointer: string[] = [];
          visitPersonalData('LagesbildCompiled', data, (pointer) => viaPointer.push(pointer));
          const viaPath: string[] = [];
          forEachPersonalString('LagesbildCompiled', data, (_value, _holder, _key, path) =>
            viaPath.push(pointerOf(path)),
          );
          expect(viaPath).toEqual(viaPointer);
          expect(viaPath).toContain('/reports/0/narrative/text');
          items.forEach((_, index) => expect(viaPath).toContain(`/reports/0/incidents/1/problem/${index}`));
        },
      ),
    );
  });

  it('visits a string two patterns reach once, and keeps apart filters that cannot meet', () => {
    const visited = (patterns: string[], data: unknown) => {
      const found: string[] = [];
      personalDataWalker(patterns)(data, (_value, _holder, _key, path) => found.push(pointerOf(path)));
      return found;
    };
    const data = {
      a: { b: 'x', c: ['y'] },
      changes: [
        { field: 'f', after: 'z' },
        { field: 'g', after: 'w' },
      ],
    };
    expect(visited(['a', 'a.b', '*.c'], data)).toEqual(['/a/b', '/a/c/0']);
    expect(visited(['changes.[field=f|g].after', 'changes.*.after', 'changes.[field=g]'], data)).toEqual([
      '/changes/0/after',
      '/changes/1/after',
      '/changes/1/field',
    ]);
    expect(visited(['changes.[field=f].after', 'changes.[field=g].after'], data)).toEqual([
      '/changes/0/after',
      '/changes/1/after',
    ]);
  });
});
