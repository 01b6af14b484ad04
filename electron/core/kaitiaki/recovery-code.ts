/**
 * The recovery code: the one way to replace a lost kaitiaki key. When a key is created (or handed
 * on, or recovered), Focal shows a recovery code once, for the kaitiaki to write down and keep with
 * the group's records. The code is the seed of a second Ed25519 key (scrypt of the code and a
 * random salt); only that key's public half, with the salt, goes into the signed key statement. A
 * recovery must carry a proof signed with the key the code derives, so the chain of keys verifies
 * it: typing a name, or recording a collective consent, is not enough to take the role over.
 */
import { createPrivateKey, createPublicKey, randomBytes, scryptSync } from 'node:crypto';
import { canonicalJson, fingerprintOf, signBody, verifyBody, type UnlockedKey } from './key-crypto';

/** Crockford's base32 (no I, L, O, U), so a code read aloud or copied by hand is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A slower scrypt than a code of 100 bits strictly needs, so a code cannot be guessed offline either. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
/** DER prefix of a PKCS#8 Ed25519 private key: the 32-byte seed follows. */
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface RecoveryPublic {
  publicKey: string;
  salt: string;
}

/** 20 random base32 characters (100 bits) in groups of four: `K7QF-2M9D-…`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 32];
  return out.match(/.{4}/g)!.join('-');
}

/** The code as typed: case, spaces, dashes and the letters people confuse with digits forgiven. */
export function normaliseRecoveryCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function recoveryKeyFrom(code: string, salt: string): UnlockedKey {
  const seed = scryptSync(normaliseRecoveryCode(code), Buffer.from(salt, 'base64url'), 32, { ...SCRYPT, maxmem: 256 * SCRYPT.N * SCRYPT.r + 1024 * 1024 });
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey).export({ format: 'jwk' }).x as string;
  return { publicKey, fingerprint: fingerprintOf(publicKey), privateKey };
}

/** A new code and the public half that goes into the key statement. */
export function createRecovery(): { code: string; recovery: RecoveryPublic } {
  const code = newRecoveryCode();
  const salt = randomBytes(16).toString('base64url');
  return { code, recovery: { publicKey: recoveryKeyFrom(code, salt).publicKey, salt } };
}

/** What a recovery proof signs: the new key and the consent record it cites. */
const proofBody = (newPublicKey: string, consentHash: string | null) => canonicalJson({ purpose: 'focal-kaitiaki-recovery', newPublicKey, consentHash });

export function recoveryProof(code: string, recovery: RecoveryPublic, newPublicKey: string, consentHash: string | null): string | null {
  const key = recoveryKeyFrom(code, recovery.salt);
  if (key.publicKey !== recovery.publicKey) return null;
  return signBody(proofBody(newPublicKey, consentHash), key);
}

export function recoveryProofHolds(proof: unknown, recovery: RecoveryPublic | null, newPublicKey: string, consentHash: string | null): boolean {
  if (!recovery || typeof proof !== 'string') return false;
  return verifyBody(proofBody(newPublicKey, consentHash), proof, recovery.publicKey);
}
