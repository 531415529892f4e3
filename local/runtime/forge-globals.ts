/**
 * Installs the two globals the official Forge SDKs talk to (`__forge_fetch__` and
 * `__forge_runtime__`), so `@forge/api`, `@forge/kvs` and `@forge/events` run unmodified.
 * The SDKs look both up at call time, so this can be installed before or after they load.
 */
import { currentAccountId } from './invocation-principal';

/** What `@forge/api` / `@forge/kvs` pass as the first argument of `__forge_fetch__`. */
export interface ForgeProxyTarget {
  type: string; // 'kvs' | 'fpp' (product) | 'tpp' | 'frc' | ...
  provider?: string; // 'app' | 'user' | 'none'
  remote?: string; // 'jira' | 'confluence' | 'kvs' | 'stargate' ...
  accountId?: string;
}

export interface ForgeRequestInit {
  method?: string;
  headers?: Record<string, string> | Headers | [string, string][];
  body?: string | null;
}

/** Serves KVS API paths such as `/api/v1/get`. */
export interface KvsBackend {
  handle(path: string, init: ForgeRequestInit): Promise<Response>;
}

/**
 * Serves product REST paths such as `/rest/api/3/search/jql`, as a fetch handler. For an `asUser`
 * call (`provider: 'user'`) the target always carries the account the request runs as.
 */
export type ProductBackend = (request: Request, target: ForgeProxyTarget) => Promise<Response>;

/** Serves Forge platform GraphQL/REST used by `@forge/events` (queue pushes). */
export type PlatformBackend = (path: string, init: ForgeRequestInit) => Promise<Response>;

export interface ForgeGlobalsOptions {
  kvs: KvsBackend;
  product: ProductBackend;
  platform?: PlatformBackend;
  appId?: string;
  environmentId?: string;
  installationId?: string;
  /** Remaining time of the current invocation, for `getAppContext()`. */
  remainingTimeInMillis?: () => number;
}

const LOCAL_PRODUCT_ORIGIN = 'https://local.atlassian.invalid';
/**
 * Local proxy error for `asUser()` in an invocation without a user (scheduled and web triggers,
 * events, queue consumers); `@forge/api` raises it as a `ProxyRequestError`. Not an Atlassian code.
 */
export const NO_USER_IN_INVOCATION = 'NO_USER_IN_INVOCATION';

const noopMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  gauge: () => ({ set: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
};

interface ForgeGlobal {
  __forge_fetch__?: undefined | ((target: ForgeProxyTarget, path: string, init?: ForgeRequestInit) => Promise<Response>);
  __forge_runtime__?: unknown;
}

export function installForgeGlobals(options: ForgeGlobalsOptions): () => void {
  const g = globalThis as unknown as ForgeGlobal;
  const previous = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };

  g.__forge_fetch__ = async (target, path, init = {}) => {
    if (target.type === 'kvs') return options.kvs.handle(path, init);
    if (target.type === 'fpp' && target.remote === 'stargate') {
      if (!options.platform) return proxyError(404, 'platform call not supported locally');
      return options.platform(path, init);
    }
    if (target.type === 'fpp' && target.remote === 'jira') {
      // `asUser()` names no account: the platform acts for the user of the current invocation.
      const accountId = target.provider === 'user' ? (target.accountId ?? currentAccountId()) : undefined;
      if (target.provider === 'user' && accountId === undefined) return proxyError(401, NO_USER_IN_INVOCATION);
      const request = new Request(new URL(path, LOCAL_PRODUCT_ORIGIN), {
        method: init.method ?? 'GET',
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.body != null ? { body: init.body } : {}),
      });
      return options.product(request, { ...target, ...(accountId !== undefined ? { accountId } : {}) });
    }
    return proxyError(501, `__forge_fetch__ target ${target.type}/${target.remote ?? ''} is not emulated`);
  };

  g.__forge_runtime__ = {
    proxy: { token: 'local', url: LOCAL_PRODUCT_ORIGIN },
    tracing: { traceId: 'local-trace', spanId: 'local-span' },
    metrics: noopMetrics,
    appContext: {
      appId: options.appId ?? 'local-app',
      appVersion: '0.0.0-local',
      environmentId: options.environmentId ?? 'local-env',
      environmentType: 'DEVELOPMENT',
      invocationId: 'local-invocation',
      installationId: options.installationId ?? 'local-installation',
      moduleKey: 'local',
    },
    lambdaContext: {
      getRemainingTimeInMillis: options.remainingTimeInMillis ?? (() => 25_000),
    },
    contextAri: 'ari:cloud:jira::site/local',
    allowedEgress: [],
  };

  return () => {
    g.__forge_fetch__ = previous.fetch;
    g.__forge_runtime__ = previous.runtime;
  };
}

function proxyError(status: number, reason: string): Response {
  return new Response(JSON.stringify({ message: reason }), {
    status,
    headers: { 'content-type': 'application/json', 'forge-proxy-error': reason },
  });
}

export { LOCAL_PRODUCT_ORIGIN };
