/**
 * The secrets of share links (DESIGN.md §6): tokens, their hashes, passcodes and passcode
 * sessions. Tokens are 256 bits from the CSPRNG, base64url (43 characters), kept only as
 * SHA-256; comparisons of secrets are constant-time.
 */
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export const TOKEN_BYTES = 32;
/** base64url of 32 bytes, no padding. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/u;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A link's id: random too (the PM sees it), so it reveals nothing about order or count. */
export function newLinkId(): string {
  return randomBytes(16).toString('base64url');
}

/** SHA-256 of the token as given (whatever its shape: a wrong token costs the same hash). */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time equality of two SHA-256 digests given as a buffer and hex (false for a malformed hex). */
export function sameDigest(digest: Buffer, storedHex: string): boolean {
  const stored = Buffer.from(/^[0-9a-f]{64}$/u.test(storedHex) ? storedHex : '0'.repeat(64), 'hex');
  return timingSafeEqual(digest, stored) && storedHex.length === 64;
}

/** scrypt parameters (N = 2^14, r = 8, p = 1: about 16 MiB and tens of ms per try). */
const SCRYPT = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const PASSCODE_KEY_BYTES = 32;

function scryptAsync(passcode: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passcode.normalize('NFC'), salt, PASSCODE_KEY_BYTES, SCRYPT, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPasscode(passcode: string): Promise<{ salt: string; hash: string }> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(passcode, salt);
  return { salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifyPasscode(passcode: string, stored: { salt: string; hash: string }): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scryptAsync(passcode.slice(0, 1024), Buffer.from(stored.salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function newSessionKey(): string {
  return randomBytes(32).toString('base64');
}

/** How long a passcode, once given, opens the link in that browser. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

function sessionMac(key: string, linkId: string, expiresMs: number): string {
  return createHmac('sha256', Buffer.from(key, 'base64'))
    .update(`${linkId}.${String(expiresMs)}`)
    .digest('base64url');
}

/** A passcode session's cookie value: the expiry and an HMAC under the link's own key. */
export function signSession(key: string, linkId: string, expiresMs: number): string {
  return `${String(expiresMs)}.${sessionMac(key, linkId, expiresMs)}`;
}

/** Whether a cookie value is a session of this link that has not expired (constant-time MAC check). */
export function isValidSession(key: string, linkId: string, value: string | undefined, now: Date): boolean {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/u.exec(value ?? '');
  if (!match) return false;
  const expiresMs = Number(match[1]);
  // The MAC's text, not its decoded bytes: the last character of 43 carries two unused bits, so
  // four spellings decode alike; only the one this app writes is a session.
  const given = Buffer.from(match[2] ?? '', 'latin1');
  const expected = Buffer.from(sessionMac(key, linkId, expiresMs), 'latin1');
  return given.length === expected.length && timingSafeEqual(given, expected) && expiresMs > now.getTime();
}
