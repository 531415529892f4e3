/**
 * The UI's only way to the resolvers. Components receive a `BackendClient` through
 * `BackendProvider`, so tests and the local runtime can swap the transport.
 */
import type * as z from 'zod/mini';
import { envelopeSchema } from '../../contract/envelope';
import type { AppErrorJson, Envelope, ErrorCode, PayloadOf, ResolverKey, ResponseOf, resolverContract } from '../../contract/resolvers';

export interface BackendClient {
  call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<Envelope<ResponseOf<K>>>;
}

/** The shape of `@forge/bridge`'s `invoke`, narrowed to what the client uses. */
export type InvokeFn = (functionKey: string, payload: PayloadOf<ResolverKey>) => Promise<unknown>;

/**
 * `@forge/bridge` reads `window.__bridge` when its modules load, so it is imported lazily:
 * this module stays importable in Node tests, and in the browser bundle the import is
 * resolved from the chunk that already holds the bridge.
 */
const bridgeInvoke: InvokeFn = async (functionKey, payload) => {
  const { invoke } = await import('@forge/bridge');
  return invoke(functionKey, payload);
};

function failure(code: ErrorCode, message: string): { ok: false; error: AppErrorJson } {
  return { ok: false, error: { code, message } };
}

/**
 * The entries of the contract a UI calls. Each entry point passes its own: the schemas it
 * holds are bundled, so the issue panel passes only `issue/risk` and stays in its budget.
 */
export type ContractPart = Partial<typeof resolverContract>;

/**
 * TypeScript cannot correlate `contract[key]` with `K` (indexed access on a generic key
 * widens to the union of all entries), so the lookup is typed once, here.
 */
function schemasOf<K extends ResolverKey>(
  contract: ContractPart,
  key: K,
): { payload: z.ZodMiniType<PayloadOf<K>>; response: z.ZodMiniType<ResponseOf<K>> } | undefined {
  return contract[key] as unknown as { payload: z.ZodMiniType<PayloadOf<K>>; response: z.ZodMiniType<ResponseOf<K>> } | undefined;
}

/**
 * A backend client over Forge `invoke`. Every answer is parsed against the contract:
 * a malformed response becomes an `INTERNAL` error envelope, a rejected invoke (bridge
 * failure, resolver crash, client-side rate limit) becomes an `INTERNAL` one too, and a
 * payload the contract refuses never leaves the browser (`INVALID_PAYLOAD`).
 */
export function createBridgeBackendClient(contract: ContractPart, invoke: InvokeFn = bridgeInvoke): BackendClient {
  return {
    async call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<Envelope<ResponseOf<K>>> {
      const schemas = schemasOf(contract, key);
      if (schemas === undefined) return failure('INVALID_PAYLOAD', `This page does not call ${key}`);
      const parsedPayload = schemas.payload.safeParse(payload);
      if (!parsedPayload.success) {
        return failure('INVALID_PAYLOAD', `Payload refused by the contract for ${key}`);
      }
      let raw: unknown;
      try {
        raw = await invoke(key, parsedPayload.data);
      } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        return failure('INTERNAL', `Calling ${key} failed: ${reason}`);
      }
      const envelope = envelopeSchema(schemas.response).safeParse(raw);
      if (!envelope.success) {
        return failure('INTERNAL', `Malformed response from ${key}`);
      }
      return envelope.data;
    },
  };
}
