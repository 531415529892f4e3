import { z } from 'zod';
import { resolverContract, type Envelope, type ResolverKey, type ResponseOf } from '../../../contract';
import { isAppError } from '../../application/app-error';

type ParsedPayload<K extends ResolverKey> = z.output<(typeof resolverContract)[K]['payload']>;

export type ResolverHandler<K extends ResolverKey> = (request: { payload: ParsedPayload<K>; context: unknown }) => Promise<ResponseOf<K>>;

/**
 * Wraps a handler in the edge rules: parse the payload with the contract's schema, map known
 * failures to the typed envelope, rethrow unknown ones so Forge records the failure.
 */
export function defineResolver<K extends ResolverKey>(key: K, handler: ResolverHandler<K>) {
  const contract = resolverContract[key];
  return async (request: { payload: unknown; context: unknown }): Promise<Envelope<ResponseOf<K>>> => {
    const payload = contract.payload.safeParse(request.payload ?? {});
    if (!payload.success) {
      return { ok: false, error: { code: 'INVALID_PAYLOAD', message: z.prettifyError(payload.error) } };
    }
    try {
      const data = await handler({ payload: payload.data as ParsedPayload<K>, context: request.context });
      return { ok: true, data };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
  };
}
