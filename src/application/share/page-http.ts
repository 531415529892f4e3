/**
 * HTTP answers of the gate's own pages (the 404, the passcode form, limits): the client pages'
 * security headers (`SECURE_PAGE_HEADERS`) plus any extra header such as a cookie or a redirect.
 */
import type { WebTriggerResponse } from '../../../contract/share';
import { SECURE_PAGE_HEADERS } from './http';

export function clientHtmlResponse(
  statusCode: number,
  body: string,
  extra: Readonly<Record<string, readonly string[]>> = {},
): WebTriggerResponse {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries({ ...SECURE_PAGE_HEADERS, 'Content-Type': ['text/html; charset=utf-8'], ...extra })) {
    headers[name] = [...values];
  }
  return { statusCode, headers, body };
}
