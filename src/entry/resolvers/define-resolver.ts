import { z } from 'zod';
import { resolverContract, type Envelope, type ResolverKey, type ResponseOf } from '../../../contract';
import { isAppError } from '../../application/app-error';
import { consoleLogger } from '../log';

type ParsedPayload<K extends ResolverKey> = z.output<(typeof resolverContract)[K]['payload']>;

export type ResolverHandler<K extends ResolverKey> = (request: { payload: ParsedPayload<K>; context: unknown }) => Promise<ResponseOf<K>>;

/**
 * Wraps a handler in the edge rules: parse the payload with the contract's schema, map known
 * failures to the typed envelope. An unexpected error is a bug: it is logged (with its stack,
 * never the payload) and answered as a typed `INTERNAL` envelope, so the UI can say so
 * instead of the platform's bare invocation failure.
 */
export function defineResolver<K extends ResolverKey>(key: K, handler: ResolverHandler<K>) {
  const contract = resolverContract[key];
  return async (request: { payload: unknown; context: unknown }): Promise<Envelope<ResponseOf<K>>> => {
    const payload = contract.payload.safeParse(request.payload ?? {});
    if (!payload.success) {
      const fields = payload.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
      return { ok: false, error: { code: 'INVALID_PAYLOAD', message: z.prettifyError(payload.error), fields } };
    }
    try {
      const data = await handler({ payload: payload.data as ParsedPayload<K>, context: request.context });
      return { ok: true, data };
    } catch (error) {
      if (isAppError(error)) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: [...error.fields] } : {}) } };
      }
      consoleLogger.error('resolver failed', {
        key,
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown',
        stack: error instanceof Error ? (error.stack ?? '').slice(0, 2000) : '',
      });
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged. Try again.' } };
    }
  };
}
