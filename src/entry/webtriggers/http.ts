/** Forge dynamic web-trigger request/response shapes (headers are arrays of values). */
import { z } from 'zod';

export const webTriggerRequestSchema = z.looseObject({
  method: z.string(),
  path: z.string().optional(),
  userPath: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).default({}),
  queryParameters: z.record(z.string(), z.array(z.string())).default({}),
  body: z.string().nullish(),
});
export type WebTriggerRequest = z.infer<typeof webTriggerRequestSchema>;

export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

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
