/**
 * The rules of share links (DESIGN.md §6), pure: expiry, status, rate-limit windows and the
 * coarse user agent the access log keeps. Time is an argument.
 */
import { MAX_EXPIRY_DAYS, type CoarseAgent, type ShareLinkStatus } from '../../../contract/share';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The longest expiry a new link may have: the project setting, never more than 180 days (a
 * setting stored above the cap, or not a whole number of days ≥ 1, counts as the cap).
 */
export function toExpiryCapDays(settingDays: number | undefined): number {
  if (settingDays === undefined || !Number.isInteger(settingDays) || settingDays < 1) return MAX_EXPIRY_DAYS;
  return Math.min(settingDays, MAX_EXPIRY_DAYS);
}

/**
 * When a link created at `now` for `days` days expires, or null when `days` is not a whole
 * number from 1 to the cap. A link expires exactly `days` × 24 hours after it was created.
 */
export function deriveExpiresAt(now: Date, days: number, capDays: number): Date | null {
  if (!Number.isInteger(days) || days < 1 || days > toExpiryCapDays(capDays)) return null;
  return new Date(now.getTime() + days * DAY_MS);
}

/** Revoked wins over expired; a link is expired from its expiry instant on (not after it). */
export function assessLinkStatus(link: { expiresAt: string; revokedAt: string | null }, now: Date): ShareLinkStatus {
  if (link.revokedAt !== null) return 'revoked';
  return Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** A sliding window: the attempts (ISO instants) still inside it at `now`, oldest first. */
export function inWindow(attempts: readonly string[], now: Date, windowMs: number): string[] {
  const since = now.getTime() - windowMs;
  return attempts.filter((at) => Date.parse(at) > since && Date.parse(at) <= now.getTime()).sort();
}

/**
 * Whether `limit` attempts are already in the window (so one more is refused), and when the
 * oldest leaves it (the earliest the next attempt is allowed).
 */
export function assessRateLimit(
  attempts: readonly string[],
  now: Date,
  rule: { limit: number; windowMs: number },
): { limited: boolean; retryAt: Date | null } {
  const recent = inWindow(attempts, now, rule.windowMs);
  if (recent.length < rule.limit) return { limited: false, retryAt: null };
  const oldest = recent[recent.length - rule.limit] ?? recent[0] ?? now.toISOString();
  return { limited: true, retryAt: new Date(Date.parse(oldest) + rule.windowMs) };
}

/** Adds an attempt to the window, keeping no more than `limit` of the most recent. */
export function withAttempt(attempts: readonly string[], now: Date, rule: { limit: number; windowMs: number }): string[] {
  return [...inWindow(attempts, now, rule.windowMs), now.toISOString()].slice(-rule.limit);
}

/**
 * The browser family and operating system of a `User-Agent` header, and nothing else: the log
 * never keeps the header itself. Order matters (Edge and Opera say "Chrome" too, Chrome says
 * "Safari", iPadOS may say "Macintosh"); anything unrecognised is `other`.
 */
export function toCoarseAgent(userAgent: string | undefined): CoarseAgent {
  const ua = (userAgent ?? '').slice(0, 512);
  const os: CoarseAgent['os'] = /Android/u.test(ua)
    ? 'android'
    : /iPhone|iPad|iPod/u.test(ua)
      ? 'ios'
      : /CrOS/u.test(ua)
        ? 'chromeos'
        : /Windows/u.test(ua)
          ? 'windows'
          : /Macintosh|Mac OS X/u.test(ua)
            ? 'macos'
            : /Linux|X11/u.test(ua)
              ? 'linux'
              : 'other';
  const browser: CoarseAgent['browser'] = /Edg(?:e|A|iOS)?\//u.test(ua)
    ? 'edge'
    : /OPR\/|Opera/u.test(ua)
      ? 'opera'
      : /SamsungBrowser\//u.test(ua)
        ? 'samsung'
        : /Firefox\/|FxiOS\//u.test(ua)
          ? 'firefox'
          : /Chrome\/|CriOS\/|Chromium\//u.test(ua)
            ? 'chrome'
            : /Safari\//u.test(ua) && /Version\//u.test(ua)
              ? 'safari'
              : 'other';
  return { browser, os };
}
