import { ForgeKvsAPIError } from '@forge/kvs';
import { AppError } from '../../application/app-error';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Upper bound of the first backoff; doubles per attempt, full jitter. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Three attempts within about half a second: a resolver has 25 s, and a user is waiting. */
export const DEFAULT_KVS_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 100,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

type Failure = 'conflict' | 'bad-cursor' | 'rate-limited' | 'unavailable' | 'bug';

/**
 * What a KVS failure means. Codes are Forge's (`@forge/kvs` raises `ForgeKvsAPIError` with the
 * service's `code` and HTTP status).
 * @see https://developer.atlassian.com/platform/forge/storage-reference/storage-api-custom-entities/#error-handling
 */
function classify(error: unknown): Failure {
  if (error instanceof ForgeKvsAPIError) {
    if (error.code === 'CONDITIONAL_CHECK_FAILED') return 'conflict';
    if (error.code === 'INVALID_CURSOR') return 'bad-cursor';
    const status = error.responseDetails.status;
    if (error.code === 'RATE_LIMIT_EXCEEDED' || status === 429) return 'rate-limited';
    if (status >= 500) return 'unavailable';
    return 'bug';
  }
  // A network failure or a proxy error without a KVS body: the service did not answer.
  if (error instanceof TypeError || (error instanceof Error && /fetch|network|ECONN|socket/iu.test(error.message))) return 'unavailable';
  return 'bug';
}

/**
 * Runs one KVS operation with bounded retries for transient failures, and turns what is left
 * into typed errors: `CONFLICT` (never retried: the caller must re-read), `RATE_LIMITED`,
 * `STORAGE_UNAVAILABLE`. A request KVS refuses as malformed is a bug and is rethrown as is.
 */
export async function kvsCall<T>(operation: string, run: () => Promise<T>, policy: RetryPolicy = DEFAULT_KVS_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const failure = classify(error);
      if (failure === 'bug') throw error;
      if (failure === 'bad-cursor')
        throw new AppError('INVALID_PAYLOAD', `${operation}: the cursor is not one this list gave`, { cause: error });
      if (failure === 'conflict') throw new AppError('CONFLICT', `${operation}: someone saved a newer version first`, { cause: error });
      if (attempt >= policy.attempts) {
        const code = failure === 'rate-limited' ? 'RATE_LIMITED' : 'STORAGE_UNAVAILABLE';
        throw new AppError(code, `${operation}: Forge storage failed ${attempt} times`, { cause: error });
      }
      await policy.sleep(Math.floor(policy.random() * policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
