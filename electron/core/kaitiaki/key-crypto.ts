/**
 * The kaitiaki key: an Ed25519 key pair whose private half is kept in a key file the kaitiaki
 * holds, encrypted with a passphrase they choose (scrypt, then AES-256-GCM with a random salt and
 * nonce; the public key is bound in as associated data, so a file cannot be re-labelled). The
 * project only ever sees the public key and its fingerprint. Plain Node `crypto`, no dependency.
 */
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, sign, verify, type KeyObject } from 'node:crypto';
import { FocalError } from '../errors';

export const KEY_FILE_FORMAT = 'focal-kaitiaki-key';

/** scrypt cost: 2^17 × 8 × 1 (about 128 MiB and a few tenths of a second per unlock). */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const MIN_N = 2 ** 14;

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: 1;
  /** For the person holding the file: which group's key this is. Not trusted. */
  group: string;
  publicKey: string;
  fingerprint: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; nonce: string; tag: string };
  ciphertext: string;
  createdAt: string;
}

export interface UnlockedKey {
  publicKey: string;
  fingerprint: string;
  privateKey: KeyObject;
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the raw public key, first 8 bytes as four groups of hex: short enough to read aloud. */
export function fingerprintOf(publicKey: string): string {
  const raw = unb64(publicKey);
  if (raw.length !== 32) throw new FocalError('bad-input', 'That is not an Ed25519 public key (32 bytes).');
  return createHash('sha256').update(raw).digest('hex').slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
}

function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
}

function deriveKey(passphrase: string, kdf: KeyFile['kdf']): Buffer {
  return scryptSync(passphrase.normalize('NFC'), unb64(kdf.salt), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 });
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < 8) throw new FocalError('bad-input', 'Choose a passphrase of at least 8 characters (a few words the kaitiaki will remember).');
}

/** A new key pair, its private half sealed with the passphrase. */
export function createKeyFile(passphrase: string, group: string, now: string): { file: KeyFile; key: UnlockedKey } {
  checkPassphrase(passphrase);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'jwk' }).x as string;
  const priv = unb64(privateKey.export({ format: 'jwk' }).d as string);
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: b64(randomBytes(16)) };
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, kdf), nonce);
  cipher.setAAD(Buffer.from(pub));
  const ciphertext = Buffer.concat([cipher.update(priv), cipher.final()]);
  const fingerprint = fingerprintOf(pub);
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    group,
    publicKey: pub,
    fingerprint,
    kdf,
    cipher: { name: 'aes-256-gcm', nonce: b64(nonce), tag: b64(cipher.getAuthTag()) },
    ciphertext: b64(ciphertext),
    createdAt: now,
  };
  return { file, key: { publicKey: pub, fingerprint, privateKey } };
}

export function parseKeyFile(text: string, label: string): KeyFile {
  let f: KeyFile;
  try {
    f = JSON.parse(text) as KeyFile;
  } catch {
    throw new FocalError('bad-input', `${label} is not a kaitiaki key file (it is not JSON).`);
  }
  if (f?.format !== KEY_FILE_FORMAT || f.version !== 1 || f.kdf?.name !== 'scrypt' || f.cipher?.name !== 'aes-256-gcm' || typeof f.publicKey !== 'string') {
    throw new FocalError('bad-input', `${label} is not a kaitiaki key file this version of Focal reads.`);
  }
  if (!(f.kdf.N >= MIN_N) || !(f.kdf.r >= 8) || !(f.kdf.p >= 1)) throw new FocalError('bad-input', `${label} uses weak key protection; create a new key.`);
  return f;
}

/** The private key, or 'forbidden' when the passphrase is wrong (or the file was altered). */
export function unlockKeyFile(f: KeyFile, passphrase: string): UnlockedKey {
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, f.kdf), unb64(f.cipher.nonce));
    decipher.setAAD(Buffer.from(f.publicKey));
    decipher.setAuthTag(unb64(f.cipher.tag));
    const d = Buffer.concat([decipher.update(unb64(f.ciphertext)), decipher.final()]);
    const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: f.publicKey, d: b64(d) }, format: 'jwk' });
    // The private half must belong to the public key the file names.
    if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== f.publicKey) throw new Error('mismatch');
    return { publicKey: f.publicKey, fingerprint: fingerprintOf(f.publicKey), privateKey };
  } catch {
    throw new FocalError('forbidden', 'That passphrase does not unlock this key file (or the file was altered).');
  }
}

/** JSON with keys sorted at every level, no spaces: the exact bytes that are signed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not a finite number');
    return JSON.stringify(typeof value === 'string' ? value.normalize('NFC') : value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function signBody(body: string, key: UnlockedKey): string {
  return b64(sign(null, Buffer.from(body, 'utf8'), key.privateKey));
}

const publicKeys = new Map<string, KeyObject>();

export function verifyBody(body: string, signature: string, publicKey: string): boolean {
  try {
    let k = publicKeys.get(publicKey);
    if (!k) publicKeys.set(publicKey, (k = publicKeyObject(publicKey)));
    return verify(null, Buffer.from(body, 'utf8'), k, unb64(signature));
  } catch {
    return false;
  }
}
