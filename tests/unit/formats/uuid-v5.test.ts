import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1, uuidV5 } from '../../../lib/formats/uuid-v5';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sha1', () => {
  // FIPS 180-4 example messages (NIST "SHA1.pdf" examples) and their published digests.
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
    ['a'.repeat(1_000_000), '34aa973cd4c4daa4f61eeb2bdbad27316534016f'],
  ])('hashes the FIPS example of %# characters', (text, digest) => {
    expect(hex(sha1(utf8(text)))).toBe(digest);
  });

  // Lengths either side of the padding boundaries (55/56 bytes fit or spill the length field, 64 is a block).
  it.each([1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000])(
    'agrees with node:crypto on %i bytes',
    (length) => {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
    },
  );
});

describe('uuidV5', () => {
  it.each([
    // RFC 9562 Appendix A.4 example (DNS namespace, "www.example.com").
    ['www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    // Non-ASCII names are hashed as UTF-8 (cross-checked with Python's uuid.uuid5).
    [
      'https://example.com/Größe',
      '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
      '5e9745d3-3818-535a-87de-ae32f0473153',
    ],
    // The namespace may be written in upper case.
    ['www.example.com', '6BA7B810-9DAD-11D1-80B4-00C04FD430C8', '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
  ])('names %j in %s', (name, namespace, expected) => {
    expect(uuidV5(name, namespace)).toBe(expected);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});
