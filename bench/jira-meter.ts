/**
 * Counts the app's Jira traffic by Jira's documented points model (2026): every request costs
 * 1 point, plus 1 per issue or project it returns; a write costs only the 1.
 * @see https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 *
 * The emulator keeps an estimate of its own (`stats().rateLimitPoints`): the same for searches
 * (1 + issues), bulk changelogs (1 + issues) and `GET /issue` (2), but 2 for every write (the
 * model says 1) and 1 for `GET /project/{key}` (the model says 2). The bench judges by this
 * meter and prints the emulator's figure beside it.
 */
import type { JiraEmulator } from '../local/jira/emulator';

export interface MeterReading {
  calls: number;
  bytes: number;
  points: number;
  byEndpoint: Record<string, { calls: number; bytes: number; points: number }>;
}

export const emptyReading = (): MeterReading => ({ calls: 0, bytes: 0, points: 0, byEndpoint: {} });

/** The route with ids and keys replaced, so calls group by endpoint. */
export function endpointOf(method: string, pathname: string): string {
  const route = pathname
    .replace(/\/rest\/api\/3\/issue\/[^/]+/u, '/rest/api/3/issue/{issue}')
    .replace(/\/properties\/[^/]+$/u, '/properties/{key}')
    .replace(/\/rest\/api\/3\/project\/(?!search$)[^/]+/u, '/rest/api/3/project/{project}');
  return `${method} ${route}`;
}

const READ_POSTS = ['/search/jql', '/search/approximate-count', '/changelog/bulkfetch', '/search'];

/** Points of one answered request by the documented model. */
export function documentedPoints(method: string, pathname: string, body: unknown): number {
  const isRead = method === 'GET' || (method === 'POST' && READ_POSTS.some((suffix) => pathname.endsWith(suffix)));
  if (!isRead) return 1;
  const json = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  if (Array.isArray(json['issues'])) return 1 + count(json['issues']);
  if (Array.isArray(json['issueChangeLogs'])) return 1 + count(json['issueChangeLogs']);
  if (/^\/rest\/api\/3\/issue\/[^/]+$/u.test(pathname)) return 2;
  if (/^\/rest\/api\/3\/project\/search$/u.test(pathname)) return 1 + count(json['values']);
  if (/^\/rest\/api\/3\/project\/[^/]+$/u.test(pathname)) return 2;
  return 1;
}

export class JiraMeter {
  private reading = emptyReading();

  /** Adds one answered request. */
  async record(method: string, url: string, response: Response): Promise<void> {
    const text = await response.clone().text();
    const { pathname } = new URL(url, 'https://meter.invalid');
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    const bytes = Buffer.byteLength(text);
    const points = response.ok ? documentedPoints(method, pathname, body) : response.status === 429 ? 0 : 1;
    const endpoint = endpointOf(method, pathname);
    const entry = (this.reading.byEndpoint[endpoint] ??= { calls: 0, bytes: 0, points: 0 });
    entry.calls += 1;
    entry.bytes += bytes;
    entry.points += points;
    this.reading.calls += 1;
    this.reading.bytes += bytes;
    this.reading.points += points;
  }

  read(): MeterReading {
    return structuredClone(this.reading);
  }

  reset(): void {
    this.reading = emptyReading();
  }

  /**
   * Meters every request that reaches `emulator.handle` from now on — the app's calls, which the
   * local runtime makes through that method. Requests made with the returned `unmetered`
   * function (a user editing in Jira, say) are not counted.
   */
  static attach(emulator: JiraEmulator): { meter: JiraMeter; unmetered: JiraEmulator['handle'] } {
    const meter = new JiraMeter();
    const original = emulator.handle.bind(emulator);
    const metered: JiraEmulator['handle'] = async (request, options) => {
      const response = await original(request, options);
      await meter.record(request.method.toUpperCase(), request.url, response);
      return response;
    };
    // Why an own property: the local runtime looks `handle` up on the instance at every call.
    Object.defineProperty(emulator, 'handle', { value: metered, configurable: true });
    return { meter, unmetered: original };
  }
}

/** Subtracts `before` from `after`, endpoint by endpoint. */
export function readingSince(after: MeterReading, before: MeterReading): MeterReading {
  const byEndpoint: MeterReading['byEndpoint'] = {};
  for (const [endpoint, a] of Object.entries(after.byEndpoint)) {
    const b = before.byEndpoint[endpoint] ?? { calls: 0, bytes: 0, points: 0 };
    if (a.calls > b.calls) byEndpoint[endpoint] = { calls: a.calls - b.calls, bytes: a.bytes - b.bytes, points: a.points - b.points };
  }
  return { calls: after.calls - before.calls, bytes: after.bytes - before.bytes, points: after.points - before.points, byEndpoint };
}

/** "search 200, changelog 19, other 7" for a verdict column. */
export function endpointSummary(reading: MeterReading): string {
  const short = (endpoint: string) =>
    endpoint
      .replace(/^(GET|POST|PUT|DELETE) \/rest\/api\/3\//u, (_m, method: string) => `${method} `)
      .replace('POST search/jql', 'search')
      .replace('POST changelog/bulkfetch', 'changelog');
  return Object.entries(reading.byEndpoint)
    .sort((a, b) => b[1].calls - a[1].calls)
    .map(([endpoint, e]) => `${short(endpoint)} ${e.calls}`)
    .join(', ');
}
