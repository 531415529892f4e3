/**
 * Forge dynamic web-trigger requests parsed, and the headers every client page carries. Here, not
 * in entry/, so the status page's use cases can answer a request; `src/entry/webtriggers/http.ts`
 * re-exports them. The shapes themselves are the share contract's.
 */
import { z } from 'zod';
import type { WebTriggerRequest, WebTriggerResponse } from '../../../contract/share';

export type { WebTriggerRequest, WebTriggerResponse };

export const webTriggerRequestSchema = z.looseObject({
  method: z.string(),
  path: z.string().optional(),
  userPath: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).default({}),
  queryParameters: z.record(z.string(), z.array(z.string())).default({}),
  body: z.string().nullish(),
});

/** Headers every client page carries: nothing external, not framable, not cached, no referrer. */
export const SECURE_PAGE_HEADERS: Record<string, string[]> = {
  'Content-Security-Policy': [
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  ],
  'X-Content-Type-Options': ['nosniff'],
  'Referrer-Policy': ['no-referrer'],
  'X-Frame-Options': ['DENY'],
  'Cache-Control': ['no-store'],
};

export function htmlResponse(statusCode: number, html: string): WebTriggerResponse {
  return { statusCode, headers: { ...SECURE_PAGE_HEADERS, 'Content-Type': ['text/html; charset=utf-8'] }, body: html };
}

/** The same client-safe content as JSON, with the same headers. */
export function jsonResponse(statusCode: number, value: unknown): WebTriggerResponse {
  return {
    statusCode,
    headers: { ...SECURE_PAGE_HEADERS, 'Content-Type': ['application/json; charset=utf-8'] },
    body: JSON.stringify(value),
  };
}

export type PageFormat = 'html' | 'json';

/** JSON for `?format=json`, or an `Accept` naming JSON and not HTML; HTML otherwise. */
export function pageFormat(request: WebTriggerRequest): PageFormat {
  const format = request.queryParameters.format?.[0];
  if (format === 'json' || format === 'html') return format;
  const accept = Object.entries(request.headers)
    .filter(([name]) => name.toLowerCase() === 'accept')
    .flatMap(([, values]) => values)
    .join(',');
  return /\bapplication\/json\b/iu.test(accept) && !/\btext\/html\b/iu.test(accept) ? 'json' : 'html';
}
