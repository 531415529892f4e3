import { KVS_ERROR_CODE } from './kvs-error';

/** Share of calls that fail the way Forge storage fails under load, for reliability tests. */
export interface KvsFaultPlan {
  /** 0..1 share of calls answered 429 RATE_LIMIT_EXCEEDED. */
  rateLimitShare?: number;
  /** 0..1 share of calls answered 500 or 503. */
  serverErrorShare?: number;
  /** Every call fails with 503, as during an outage. */
  failAll?: boolean;
  /** Seed of the PRNG, so a failing run can be replayed. */
  seed?: number;
}

export type FaultDecision = { kind: 'rate-limit' } | { kind: 'server-error'; status: 500 | 503 } | undefined;

/** Decides, call by call, whether to inject a fault. Deterministic for a given plan. */
export function createFaultPicker(plan: KvsFaultPlan | undefined): () => FaultDecision {
  if (!plan) return () => undefined;
  const random = mulberry32(plan.seed ?? 1);
  const rateLimitShare = clampShare(plan.rateLimitShare);
  const serverErrorShare = clampShare(plan.serverErrorShare);
  return () => {
    if (plan.failAll) return { kind: 'server-error', status: 503 };
    const draw = random();
    if (draw < rateLimitShare) return { kind: 'rate-limit' };
    if (draw < rateLimitShare + serverErrorShare) return { kind: 'server-error', status: random() < 0.5 ? 500 : 503 };
    return undefined;
  };
}

/** The response Forge sends for that fault: `@forge/kvs` turns it into `ForgeKvsAPIError` with this code. */
export function toFaultResponse(fault: NonNullable<FaultDecision>, traceId: string): Response {
  const headers = { 'content-type': 'application/json', 'x-trace-id': traceId };
  if (fault.kind === 'rate-limit') {
    return new Response(
      JSON.stringify({ code: KVS_ERROR_CODE.RATE_LIMIT_EXCEEDED, message: 'Rate limit exceeded (injected by local KVS fault plan)' }),
      { status: 429, statusText: 'Too Many Requests', headers: { ...headers, 'retry-after': '1' } },
    );
  }
  const code = fault.status === 500 ? KVS_ERROR_CODE.INTERNAL_SERVER_ERROR : KVS_ERROR_CODE.SERVICE_UNAVAILABLE;
  return new Response(JSON.stringify({ code, message: 'An internal server error has occurred (injected by local KVS fault plan)' }), {
    status: fault.status,
    statusText: fault.status === 500 ? 'Internal Server Error' : 'Service Unavailable',
    headers,
  });
}

function clampShare(share: number | undefined): number {
  return Math.min(1, Math.max(0, share ?? 0));
}

/** Small, well-known 32-bit PRNG; quality is ample for picking faults. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
