/**
 * The envelope every resolver answers with, in a module of its own: the issue panel checks
 * answers with it without bundling the project page's schemas (its budget is 120 KB).
 */
import * as z from 'zod/mini';
import { appErrorSchema, type AppErrorJson } from './errors';

/** Every resolver answers with this envelope, so failures are data the UI can render. */
export function envelopeSchema<T extends z.ZodMiniType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: appErrorSchema })]);
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorJson };
