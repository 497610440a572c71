import fc from 'fast-check';
import { z } from 'zod';
import * as contracts from './index.js';
import { firstForbiddenCharacter, freeText, normaliseText, sayBoth } from './free-text.js';
import { createUserRequestSchema, loginRequestSchema } from './identity.js';
import { editSectionRequest, takeInReportRequest } from './lagesbild.js';
import { addIncidentRequestSchema, editReportRequestSchema } from './reporting.js';

const schema = freeText(sayBoth('Rapporttext', 'narrative'), { max: 1_000_000 });

/** Every code point freeText refuses, by the rule of the issue, written out independently. */
function forbidden(codePoint: number): boolean {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return true; // only reachable alone
  if (codePoint < 0x20) return ![0x09, 0x0a, 0x0d].includes(codePoint);
  if (codePoint >= 0x7f && codePoint <= 0x9f) return true;
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return true;
  if (codePoint % 0x10000 === 0xfffe || codePoint % 0x10000 === 0xffff) return true;
  return [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff].includes(codePoint);
}

const FORBIDDEN_SAMPLES = [
  0x00, 0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfdd0,
  0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff, 0x202e, 0x2066, 0xfeff,
];

/** One allowed character: any plane, and the ones that matter here more often than chance. */
const allowedCharacter = fc.oneof(
  fc
    .integer({ min: 0, max: 0x10ffff })
    .filter((codePoint) => !forbidden(codePoint))
    .map((codePoint) => String.fromCodePoint(codePoint)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.constantFrom(
    'a',
    'å',
    'a\u030a',
    'e\u0301',
    '\r',
    '\n',
    '\r\n',
    '\t',
    '\u2028',
    '\u2029',
    '🚲',
    ' ',
    '<',
    '&',
  ),
);

/** Well-formed strings with the forbidden code points left out. */
const allowedText = fc.array(allowedCharacter, { maxLength: 40 }).map((characters) => characters.join(''));

/** A string holding at least one forbidden character (a lone surrogate included) somewhere. */
const hostileText = fc
  .tuple(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.oneof(fc.constantFrom(...FORBIDDEN_SAMPLES), fc.integer({ min: 0, max: 0x10ffff }).filter(forbidden)),
    fc.string({ unit: 'binary', maxLength: 20 }),
  )
  .map(([before, codePoint, after]) => {
    const character =
      codePoint >= 0xd800 && codePoint <= 0xdfff
        ? String.fromCharCode(codePoint)
        : String.fromCodePoint(codePoint);
    // A high surrogate right before a low one would pair up: keep the lone one lone.
    const safeBefore = /[\udc00-\udfff]/.test(character) ? before.replace(/[\ud800-\udbff]$/, 'x') : before;
    const safeAfter = /[\ud800-\udbff]/.test(character) ? after.replace(/^[\udc00-\udfff]/, 'x') : after;
    return safeBefore + character + safeAfter;
  });

describe('freeText: the one text type at the boundary', () => {
  it('property: allowed text passes unchanged except line ends and NFC', () => {
    fc.assert(
      fc.property(allowedText, (text) => {
        const parsed = schema.safeParse(text);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toBe(text.replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC'));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a text holding a forbidden character is refused, naming the field in both languages', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const parsed = schema.safeParse(text);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues).toHaveLength(1);
        expect(parsed.error?.issues[0]?.message).toMatch(
          /^Rapporttext: innehåller .* \(U\+[0-9A-F]{4,6}\) på plats \d+.* \/ narrative: contains .* at position \d+/,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('property: firstForbiddenCharacter agrees with the rule, code point by code point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x10ffff }), (codePoint) => {
        const text =
          codePoint >= 0xd800 && codePoint <= 0xdfff
            ? String.fromCharCode(codePoint)
            : String.fromCodePoint(codePoint);
        expect(firstForbiddenCharacter(`a${text}b`) !== null).toBe(forbidden(codePoint));
      }),
      { numRuns: 5000 },
    );
    for (const codePoint of FORBIDDEN_SAMPLES) {
      const text =
        codePoint >= 0xd800 && codePoint <= 0xdfff
          ? String.fromCharCode(codePoint)
          : String.fromCodePoint(codePoint);
      expect(firstForbiddenCharacter(`ab${text}`)).toMatchObject({ index: 2, codePoint });
    }
  });

  it('keeps a pair of surrogates (an emoji) and says where a lone one is, counted in characters', () => {
    expect(firstForbiddenCharacter('🚲 å')).toBeNull();
    expect(schema.safeParse('🚲🚲\ud800').error?.issues[0]?.message).toContain('U+D800) på plats 3');
    expect(normaliseText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
  });

  it('refuses before it measures: a long hostile text gets one message, not a length complaint too', () => {
    const short = freeText(sayBoth('Namn', 'name'), { max: 3, min: 1 });
    const issues = short.safeParse('\u0000'.repeat(10)).error?.issues ?? [];
    expect(issues.map((issue) => issue.message)).toEqual([expect.stringContaining('styrtecken')]);
  });

  it.each([
    ['editReportRequestSchema', editReportRequestSchema, { narrative: '\ud800' }, 'narrative', 'Rapporttext'],
    [
      'addIncidentRequestSchema',
      addIncidentRequestSchema,
      { problem: 'Hot\u0000', category: 'skadegorelse', assessment: { severity: 2, scope: 'E' } },
      'problem',
      'Problematik',
    ],
    ['editSectionRequest', editSectionRequest, { text: 'Slutsats\u0000' }, 'text', 'text'],
    ['takeInReportRequest', takeInReportRequest, { reason: '\uFFFE' }, 'reason', 'reason'],
    [
      'createUserRequestSchema',
      createUserRequestSchema,
      { username: 'kalle', displayName: 'Kalle\u0085' },
      'displayName',
      'displayName',
    ],
    [
      'loginRequestSchema',
      loginRequestSchema,
      { username: 'admin\u0000', password: 'x' },
      'username',
      'username',
    ],
  ] as const)('%s refuses hostile text in the field it names', (_name, requestSchema, body, field, named) => {
    const issues = requestSchema.safeParse(body).error?.issues ?? [];
    expect(issues).toEqual([
      expect.objectContaining({ path: [field], message: expect.stringMatching(new RegExp(`^${named}: `)) }),
    ]);
  });
});

/** Every string-typed leaf of a schema, with its path: through objects, arrays, unions and wrappers. */
function stringLeaves(schema: z.ZodType, path: string, out: Array<[string, z.ZodType]> = []) {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'string':
      out.push([path, schema]);
      break;
    case 'object':
      for (const [key, inner] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        stringLeaves(inner, `${path}.${key}`, out);
      }
      break;
    case 'array':
      stringLeaves(def.element as z.ZodType, `${path}[]`, out);
      break;
    case 'union':
      (def.options as z.ZodType[]).forEach((option, index) => stringLeaves(option, `${path}|${index}`, out));
      break;
    case 'pipe':
      // A string piped on (trimmed, lower-cased, checked as an e-mail) is judged as a whole.
      out.push([path, schema]);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      stringLeaves(def.innerType as z.ZodType, path, out);
      break;
  }
  return out;
}

/** Secrets are hashed, never stored or shown as text; the length bound is what protects argon2. */
const NOT_TEXT = /\.(password|currentPassword|newPassword)$/;

describe('every text field of every command body', () => {
  const requestSchemas = Object.entries(contracts).filter(
    ([name, value]) => /Request(Schema)?$/.test(name) && value instanceof z.ZodType,
  ) as Array<[string, z.ZodType]>;

  it('finds the request schemas of every module', () => {
    expect(requestSchemas.length).toBeGreaterThanOrEqual(25);
    const leaves = requestSchemas.flatMap(([name, schema]) => stringLeaves(schema, name)).map(([p]) => p);
    expect(leaves.length).toBeGreaterThanOrEqual(40);
    expect(leaves).toEqual(
      expect.arrayContaining([
        'editReportRequestSchema.narrative',
        'editReportRequestSchema.statistics.categories[].note',
        'editSectionRequest.text',
        'defineAudienceRequest.organisationIds[]',
        'publishLagesbildRequest.correction.what',
        'createUserRequestSchema.username',
      ]),
    );
  });

  it.each(requestSchemas)(
    '%s: each string field refuses NUL, a lone surrogate and U+FFFF',
    (name, schema) => {
      const leaves = stringLeaves(schema, name).filter(([path]) => !NOT_TEXT.test(path));
      for (const [path, leaf] of leaves) {
        for (const hostile of ['ok\u0000', 'ok\ud800', 'ok\uFFFF']) {
          expect({ path, hostile, accepted: leaf.safeParse(hostile).success }).toEqual({
            path,
            hostile,
            accepted: false,
          });
        }
      }
    },
  );
});
