import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  ENCRYPTED_PREFIX,
  encryptValue,
  eventKey,
  isEncrypted,
  openEventValues,
  referenceTo,
  sealEventValues,
  sealedValueOf,
  valueKey,
} from './value-cipher.js';

const keyId = '00000000-0000-4000-8000-000000000001';

describe('the stored formats of sealed values', () => {
  it('tells enc1 values, enc2 envelopes and references apart, and plain text from all three', () => {
    const key = randomBytes(32);
    const enc1 = encryptValue(keyId, valueKey(key, 'e', '/a'), 'text');
    const envelope = sealEventValues(keyId, eventKey(key, 'e'), ['text']);
    expect(sealedValueOf(enc1)).toEqual({ format: 'enc1', keyId });
    expect(sealedValueOf(envelope)).toEqual({ format: 'envelope', keyId });
    expect(sealedValueOf(referenceTo(0))).toEqual({ format: 'reference', index: 0 });
    expect(sealedValueOf(referenceTo(123_456_789))).toEqual({ format: 'reference', index: 123_456_789 });
    expect([enc1, envelope, referenceTo(3)].every(isEncrypted)).toBe(true);
    // Not what the sealing writes: left as they are, never taken for an index.
    for (const odd of [
      '',
      'text',
      '\u0002enc2#',
      '\u0002enc2#01',
      '\u0002enc2#-1',
      '\u0002enc2#1e3',
      '\u0002enc2:x',
    ])
      expect(sealedValueOf(odd)).toBeNull();
    expect(enc1.startsWith(ENCRYPTED_PREFIX)).toBe(true);
  });

  it('reads a reference exactly as the written form says: nine digits at most, no leading zero', () => {
    // The rule as a regular expression, against the hand-written parser the readers use.
    const written = /^(?:0|[1-9]\d{0,8})$/;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom('0', '1', '9', '-', 'e', ' ', '٣') }),
          fc.string({ unit: 'binary' }),
          fc.nat().map(String),
        ),
        (tail) => {
          const read = sealedValueOf(`\u0002enc2#${tail}`);
          expect(read).toEqual(written.test(tail) ? { format: 'reference', index: Number(tail) } : null);
        },
      ),
    );
  });

  it('opens an envelope to exactly the texts sealed, whatever they hold', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), fc.uuid(), (values, eventId) => {
        const key = eventKey(randomBytes(32), eventId);
        expect(openEventValues(sealEventValues(keyId, key, values), keyId, key)).toEqual(values);
      }),
    );
  });

  it('opens nothing under another event’s key, another key id, or once a byte is changed', () => {
    const subject = randomBytes(32);
    const envelope = sealEventValues(keyId, eventKey(subject, 'e-1'), ['Olle Berg']);
    expect(openEventValues(envelope, keyId, eventKey(subject, 'e-2'))).toBeNull();
    const otherId = '00000000-0000-4000-8000-000000000002';
    expect(openEventValues(envelope.replace(keyId, otherId), otherId, eventKey(subject, 'e-1'))).toBeNull();
    const body = envelope.slice(-8);
    const flipped = envelope.slice(0, -8) + (body.startsWith('A') ? 'B' : 'A') + body.slice(1);
    expect(openEventValues(flipped, keyId, eventKey(subject, 'e-1'))).toBeNull();
    expect(openEventValues(envelope, keyId, eventKey(subject, 'e-1'))).toEqual(['Olle Berg']);
  });
});
