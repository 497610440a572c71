import fc from 'fast-check';
import type { EventMetadata } from '../event.js';
import {
  METADATA_JSON_MARKER,
  decodeKurrentMetadata,
  encodeKurrentMetadata,
} from './kurrent-metadata-codec.js';

const metadata: EventMetadata = {
  actorId: 'user-1',
  organisationId: null,
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  causationId: null,
  occurredAt: '2024-11-25T08:30:00+01:00',
  schemaVersion: 2,
};

/** What appendRecords in @kurrent/kurrentdb-client 1.3.1 accepts (it throws otherwise). */
function acceptedByAppendRecords(value: Record<string, unknown>): boolean {
  return Object.values(value).every((v) => typeof v === 'string');
}

/** Metadata as it travels: the properties read back as a JSON object. */
const roundTrip = (m: EventMetadata) =>
  decodeKurrentMetadata(JSON.parse(JSON.stringify(encodeKurrentMetadata(m))));

describe('KurrentDB metadata codec', () => {
  it('writes only strings, and reads back exactly what it wrote', () => {
    const encoded = encodeKurrentMetadata(metadata);
    expect(acceptedByAppendRecords(encoded)).toBe(true);
    expect(encoded).toEqual({
      actorId: 'user-1',
      organisationId: 'json:null',
      correlationId: metadata.correlationId,
      causationId: 'json:null',
      occurredAt: metadata.occurredAt,
      schemaVersion: 'json:2',
    });
    expect(roundTrip(metadata)).toEqual(metadata);
  });

  it('round-trips any JSON values, strings that look marked, and keys it has never seen', () => {
    const key = fc.string().filter((k) => !k.startsWith('$') && k !== '__proto__');
    const value = fc.oneof(
      fc.jsonValue(),
      fc.string().map((s) => METADATA_JSON_MARKER + s),
      fc.constant(METADATA_JSON_MARKER),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), (extra) => {
        // JSON drops -0 to 0; compare with what JSON keeps, as the SQL stores' jsonb would.
        const original = JSON.parse(JSON.stringify({ ...metadata, ...extra })) as EventMetadata;
        const encoded = encodeKurrentMetadata(original);
        expect(acceptedByAppendRecords(encoded)).toBe(true);
        expect(roundTrip(original)).toEqual(original);
      }),
    );
  });

  it('drops undefined values, as JSON does', () => {
    expect(roundTrip({ ...metadata, ip: undefined })).toEqual(metadata);
  });

  it('leaves out keys the server adds, and takes plain JSON metadata of other writers as it is', () => {
    expect(decodeKurrentMetadata({ ...encodeKurrentMetadata(metadata), '$schema.name': 'X' })).toEqual(
      metadata,
    );
    expect(decodeKurrentMetadata({ actorId: 'a', schemaVersion: 3, organisationId: null })).toEqual({
      actorId: 'a',
      schemaVersion: 3,
      organisationId: null,
    });
    expect(decodeKurrentMetadata(undefined)).toEqual({});
    expect(decodeKurrentMetadata(new Uint8Array([1, 2]))).toEqual({});
  });

  it('refuses a key the server reserves rather than lose it on the way back', () => {
    expect(() => encodeKurrentMetadata({ ...metadata, ['$x' as 'ip']: 'y' })).toThrow(/reserved/);
  });
});
