/**
 * HTTP answers of the client pages (DESIGN.md §6): strict security headers on every one —
 * nothing external, not framable, not cached, no referrer — and the one "not found" page.
 */
import type { WebTriggerResponse } from '../../../contract/share';

export const CLIENT_PAGE_HEADERS: Readonly<Record<string, readonly string[]>> = {
  'Content-Security-Policy': [
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  ],
  'X-Content-Type-Options': ['nosniff'],
  'Referrer-Policy': ['no-referrer'],
  'X-Frame-Options': ['DENY'],
  'Cache-Control': ['no-store'],
};

export function clientHtmlResponse(
  statusCode: number,
  body: string,
  extra: Readonly<Record<string, readonly string[]>> = {},
): WebTriggerResponse {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries({ ...CLIENT_PAGE_HEADERS, 'Content-Type': ['text/html; charset=utf-8'], ...extra })) {
    headers[name] = [...values];
  }
  return { statusCode, headers, body };
}
