/**
 * Discord signs every interaction it POSTs: Ed25519 over `timestamp + rawBody`, with the application's
 * public key (64 hex characters in the Developer Portal). node:crypto verifies Ed25519 natively; the raw key
 * only needs the fixed SPKI DER header in front to become a KeyObject.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** DER prefix of an SPKI structure holding a raw 32-byte Ed25519 key (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new Error('signature error: an Ed25519 public key is 64 hex characters');
  }
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** True only for a well-formed 128-hex-character signature of `timestamp + body` by `key`. */
export function verifySignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
      key,
      Buffer.from(signatureHex, 'hex'),
    );
  } catch {
    return false;
  }
}
