/**
 * Egress for the app's own `fetch` calls to the outside world (`@forge/api`'s `fetch` is the
 * runtime's global fetch). As on Forge, a function may reach only the origins its manifest
 * declares under `permissions.external.fetch.backend`; a declared origin with a local stand-in
 * (the mail provider's relay) is served by it, since this machine has no outside network.
 *
 * Only calls made inside an app invocation are checked: the tests and the host share the
 * process and reach the local server with the same global fetch.
 */
import { insideInvocation } from './invocation-principal';

export type EgressHandler = (request: Request) => Promise<Response>;

/**
 * What Forge's egress control answers for an origin the manifest does not declare: a 403
 * response, not a thrown error, so code that ignores the status reads a refusal as data.
 */
export function egressRefusal(origin: string): Response {
  const message = `URL not included in the external fetch backend permissions: ${origin}. Add it to permissions.external.fetch.backend in manifest.yml.`;
  return new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export interface EgressOptions {
  allowedOrigins: readonly string[];
  /** Origin (`https://api.example.com`) → the local stand-in answering for it. */
  routes: ReadonlyMap<string, EgressHandler>;
}

/**
 * The egress filter on the global fetch, installed once per process: several local apps may
 * run in one test process, and the newest one's egress applies until it is removed.
 */
const active: EgressOptions[] = [];
let original: typeof fetch | undefined;

const filtered: typeof fetch = async (input, init) => {
  const options = active.at(-1);
  const passThrough = original ?? fetch;
  if (!options) return passThrough(input, init);
  const request = new Request(input, init);
  const origin = new URL(request.url).origin;
  const route = options.routes.get(origin);
  if (insideInvocation()) {
    if (!options.allowedOrigins.includes(origin)) return egressRefusal(origin);
    if (route) return route(request);
    throw new TypeError(`fetch failed: ${origin} is declared but this machine has no network to reach it`);
  }
  return route ? route(request) : passThrough(input, init);
};

/** Applies `options` to the app's fetch calls; returns the function that removes them. */
export function installEgress(options: EgressOptions): () => void {
  if (active.length === 0) {
    original = globalThis.fetch;
    globalThis.fetch = filtered;
  }
  active.push(options);
  return () => {
    const index = active.indexOf(options);
    if (index >= 0) active.splice(index, 1);
    if (active.length === 0 && original) {
      if (globalThis.fetch === filtered) globalThis.fetch = original;
      original = undefined;
    }
  };
}
