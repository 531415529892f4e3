import { AppError } from '../../application/app-error';

/**
 * The one method the Jira adapter needs from a transport: `@forge/api`'s `requestJira`
 * in production, a fetch to a site or the emulator elsewhere. `path` is already safe
 * (built with `route` or encoded by the caller).
 */
export type JiraTransport = (
  path: string,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<Response>;

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /**
   * Total time for all requests of one client, from its creation: a client lives for one
   * invocation, so this is what fits the calling function's limit. A wait that would end
   * past it is not started.
   */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Budgets that fit each Forge function's limit, leaving time to answer. */
export const RETRY_POLICIES = {
  resolver: { maxAttempts: 5, budgetMs: 20_000, baseDelayMs: 400, maxDelayMs: 8_000 },
  webtrigger: { maxAttempts: 6, budgetMs: 45_000, baseDelayMs: 500, maxDelayMs: 10_000 },
  consumer: { maxAttempts: 8, budgetMs: 600_000, baseDelayMs: 1_000, maxDelayMs: 60_000 },
} as const satisfies Record<string, RetryPolicy>;

export interface JiraClientOptions {
  transport: JiraTransport;
  policy: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  monotonicNow?: () => number;
}

/**
 * A Jira client that retries what Jira asks to be retried and turns every failure into a
 * typed `AppError`, so callers never see a half-read answer.
 */
export class JiraClient {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly monotonicNow: () => number;
  private readonly deadline: number;

  constructor(private readonly options: JiraClientOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.deadline = this.monotonicNow() + options.policy.budgetMs;
  }

  async getJson(path: string): Promise<unknown> {
    return this.send(path, { method: 'GET', headers: { Accept: 'application/json' } });
  }

  async postJson(path: string, body: unknown): Promise<unknown> {
    return this.send(path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async putJson(path: string, body: unknown): Promise<unknown> {
    return this.send(path, {
      method: 'PUT',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async delete(path: string): Promise<unknown> {
    return this.send(path, { method: 'DELETE', headers: { Accept: 'application/json' } });
  }

  private async send(path: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<unknown> {
    const { policy } = this.options;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.options.transport(path, init);
      } catch (cause) {
        // A transport failure (network, proxy) is retried like a 503.
        response = new Response(null, { status: 503 });
        if (attempt >= policy.maxAttempts) {
          throw new AppError('JIRA_UNAVAILABLE', `Jira could not be reached for ${describe(path)}`, { cause });
        }
      }
      if (response.ok) {
        // Writes answer 201/200 with an empty body as often as 204.
        const text = response.status === 204 ? '' : await response.text();
        return text === '' ? null : (JSON.parse(text) as unknown);
      }
      if (!isRetryable(response.status)) {
        throw await toAppError(path, response);
      }
      const waitMs = this.waitBeforeRetry(attempt, response);
      if (attempt >= policy.maxAttempts || this.monotonicNow() + waitMs > this.deadline) {
        throw new AppError(
          response.status === 429 ? 'RATE_LIMITED' : 'JIRA_UNAVAILABLE',
          `Jira answered ${response.status} to ${describe(path)} after ${attempt} attempts`,
        );
      }
      await response.body?.cancel();
      await this.sleep(waitMs);
    }
  }

  /** Honours `Retry-After` (seconds) when Jira sends it; jittered exponential backoff otherwise. */
  private waitBeforeRetry(attempt: number, response: Response): number {
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
    const { baseDelayMs, maxDelayMs } = this.options.policy;
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    // Full jitter: spreads retries of many invocations so they don't hit Jira together.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }
}

function isRetryable(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

async function toAppError(path: string, response: Response): Promise<AppError> {
  const detail = await response.text().catch(() => '');
  const where = describe(path);
  if (response.status === 404) return new AppError('NOT_FOUND', `Jira has no ${where} (or it is not visible)`);
  if (response.status === 401 || response.status === 403) return new AppError('FORBIDDEN', `Jira refused ${where}`);
  if (response.status === 400) return new AppError('INTERNAL', `Jira rejected ${where}: ${detail.slice(0, 300)}`);
  return new AppError('JIRA_UNAVAILABLE', `Jira answered ${response.status} to ${where}`);
}

/** The path without its query, so messages never echo JQL or tokens. */
function describe(path: string): string {
  return path.split('?')[0] ?? path;
}
