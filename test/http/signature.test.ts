/** Ed25519 verification of `timestamp + body` with a raw 64-hex public key (RFC 8032 vector, then tampering). */
import { describe, expect, it } from 'vitest';
import { publicKeyFromHex, verifySignature } from '../../src/http/signature.js';
import { signedHeaders, testKeys } from './sign.js';

// RFC 8032 §7.1, test 2: the message is the one byte "r" (here: timestamp "r", empty body).
const RFC_KEY = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';
const RFC_SIGNATURE =
  '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00';

describe('verifySignature', () => {
  it('accepts the RFC 8032 test vector through the SPKI-wrapped raw key', () => {
    expect(verifySignature(publicKeyFromHex(RFC_KEY), RFC_SIGNATURE, 'r', Buffer.alloc(0))).toBe(true);
    expect(
      verifySignature(publicKeyFromHex(RFC_KEY), RFC_SIGNATURE.toUpperCase(), 'r', Buffer.alloc(0)),
    ).toBe(true);
  });

  const keys = testKeys();
  const key = publicKeyFromHex(keys.publicKeyHex);
  const body = '{"type":1}';
  const headers = signedHeaders(keys, body, '1700000000');
  const signature = headers['x-signature-ed25519'];

  it.each([
    ['the signed request', signature, '1700000000', body, true],
    ['another body', signature, '1700000000', '{"type":2}', false],
    ['another timestamp', signature, '1700000001', body, false],
    [
      'a flipped signature bit',
      (signature[0] === '0' ? '1' : '0') + signature.slice(1),
      '1700000000',
      body,
      false,
    ],
    ['a short signature', signature.slice(2), '1700000000', body, false],
    ['no signature', undefined, '1700000000', body, false],
    ['no timestamp', signature, undefined, body, false],
    ['a non-hex signature', 'g'.repeat(128), '1700000000', body, false],
  ])('%s → %s', (_what, sig, timestamp, text, expected) => {
    expect(verifySignature(key, sig, timestamp, Buffer.from(text))).toBe(expected);
  });

  it('refuses a key that is not 64 hex characters', () => {
    expect(() => publicKeyFromHex('abcd')).toThrow(
      'signature error: an Ed25519 public key is 64 hex characters',
    );
  });
});
