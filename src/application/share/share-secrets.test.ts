import { describe, expect, it } from 'vitest';
import {
  TOKEN_PATTERN,
  hashPasscode,
  hashToken,
  isValidSession,
  newLinkId,
  newToken,
  sameDigest,
  signSession,
  verifyPasscode,
  newSessionKey,
} from './share-secrets';

const NOW = new Date('2026-11-27T09:00:00.000Z');

describe('tokens', () => {
  it('are 256 random bits in base64url, all different', () => {
    const tokens = Array.from({ length: 200 }, newToken);
    for (const token of tokens) {
      expect(token).toMatch(TOKEN_PATTERN);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('hash to SHA-256, compared in constant time against the stored hex', () => {
    const token = newToken();
    const hex = hashToken(token).toString('hex');
    expect(hex).toMatch(/^[0-9a-f]{64}$/u);
    expect(sameDigest(hashToken(token), hex)).toBe(true);
    const variants = [token.slice(0, -1), `${token}A`, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(), '', ' '];
    for (const variant of variants) expect(sameDigest(hashToken(variant), hex)).toBe(false);
    expect(sameDigest(hashToken(token), 'not hex')).toBe(false);
    expect(sameDigest(hashToken(token), hex.toUpperCase())).toBe(false);
  });

  it('link ids are random and safe in keys', () => {
    const id = newLinkId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/u);
    expect(newLinkId()).not.toBe(id);
  });
});

describe('passcodes', () => {
  it('are kept as salted scrypt: the same passcode hashes differently, and only it verifies', async () => {
    const first = await hashPasscode('correct horse');
    const second = await hashPasscode('correct horse');
    expect(first.hash).not.toBe(second.hash);
    expect(first.salt).not.toBe(second.salt);
    expect(JSON.stringify(first)).not.toContain('correct horse');
    await expect(verifyPasscode('correct horse', first)).resolves.toBe(true);
    for (const wrong of ['correct hors', 'Correct horse', '', 'correct horse '.repeat(100)]) {
      await expect(verifyPasscode(wrong, first)).resolves.toBe(false);
    }
  });
});

describe('passcode sessions', () => {
  const key = newSessionKey();
  const later = NOW.getTime() + 3_600_000;

  it('verify under the link and key they were signed for, until they expire', () => {
    const value = signSession(key, 'link-a', later);
    expect(isValidSession(key, 'link-a', value, NOW)).toBe(true);
    expect(isValidSession(key, 'link-b', value, NOW)).toBe(false);
    expect(isValidSession(newSessionKey(), 'link-a', value, NOW)).toBe(false);
    expect(isValidSession(key, 'link-a', value, new Date(later))).toBe(false);
  });

  it('refuse a changed expiry, a changed MAC and garbage', () => {
    const value = signSession(key, 'link-a', later);
    const [, mac = ''] = value.split('.');
    expect(isValidSession(key, 'link-a', `${String(later + 1000)}.${mac}`, NOW)).toBe(false);
    expect(isValidSession(key, 'link-a', `${String(later)}.${mac.slice(0, -1)}A`, NOW)).toBe(mac.endsWith('A'));
    // Every other last character is refused, the three that decode to the same bytes included.
    const last = mac.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const other of alphabet.replace(last, '')) {
      expect(isValidSession(key, 'link-a', `${String(later)}.${mac.slice(0, -1)}${other}`, NOW), other).toBe(false);
    }
    for (const garbage of [undefined, '', '.', 'x.y', `${String(later)}.`, `${'9'.repeat(20)}.${mac}`]) {
      expect(isValidSession(key, 'link-a', garbage, NOW)).toBe(false);
    }
  });
});
