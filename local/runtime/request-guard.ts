/**
 * Keeps the local host local. Any web page the PM visits can send requests to a port on
 * 127.0.0.1 (cross-site request forgery), and a page on a domain that re-resolves to 127.0.0.1
 * can even read the answers (DNS rebinding). Both would reach the admin, bridge and Jira-proxy
 * endpoints, which in real-site mode act with the PM's API token. So:
 *
 * - the `Host` header must name the address the host is bound to (`127.0.0.1:<port>`, or
 *   `localhost:<port>` for a loopback bind) — a rebinding page sends its own domain;
 * - an `Origin` header, when present, must be the host's own origin — browsers send it on every
 *   cross-origin request and on every POST, so a foreign page cannot hide it;
 * - `Sec-Fetch-Site`, when present, must be `same-origin` or `none` (typed or bookmarked) — it
 *   catches the cross-site requests that carry no Origin (images, scripts, navigations).
 *
 * The Host rule holds for every path but web triggers (`/x1/`, public by design); the Origin
 * rules hold for the endpoints that act or read for the PM (`sameOriginOnly`), so a link from
 * elsewhere still opens the host page. Requests with neither Origin nor Sec-Fetch-Site (curl,
 * tests, the CLI) pass: browsers send one of them on every cross-site request, and admin writes
 * stay usable from a terminal.
 */

export interface GuardedRequest {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

export type GuardVerdict = { ok: true } | { ok: false; code: 'FOREIGN_HOST' | 'FOREIGN_ORIGIN'; message: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The `Host` values that name this server: its bound address and, on loopback, `localhost`. */
export function allowedHosts(boundHost: string, port: number): Set<string> {
  const hostPart = boundHost.includes(':') ? `[${boundHost}]` : boundHost;
  const hosts = new Set([`${hostPart}:${port}`]);
  if (LOOPBACK.has(boundHost)) hosts.add(`localhost:${port}`);
  return hosts;
}

export function checkLocalRequest(request: GuardedRequest, hosts: ReadonlySet<string>, sameOriginOnly: boolean): GuardVerdict {
  const host = request.host?.toLowerCase();
  if (!host || !hosts.has(host)) {
    return { ok: false, code: 'FOREIGN_HOST', message: `Refused: the local host answers only at ${[...hosts].join(' or ')}.` };
  }
  if (!sameOriginOnly) return { ok: true };
  if (request.origin !== undefined && request.origin.toLowerCase() !== `http://${host}`) {
    return { ok: false, code: 'FOREIGN_ORIGIN', message: 'Refused: a request from another origin than the local host.' };
  }
  const site = request.secFetchSite?.toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, code: 'FOREIGN_ORIGIN', message: `Refused: a ${site} request to the local host.` };
  }
  return { ok: true };
}
