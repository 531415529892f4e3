import { z } from 'zod';

const siteContext = z.looseObject({ siteUrl: z.url().optional() });

/**
 * Links to issues on the caller's Jira site, from the trusted context, for the team's
 * renderings (the client's never link keys); undefined when the context names no site.
 */
export function issueUrlOf(context: unknown): ((key: string) => string) | undefined {
  const parsed = siteContext.safeParse(context);
  const site = parsed.success ? parsed.data.siteUrl?.replace(/\/+$/u, '') : undefined;
  if (!site || !/^https?:\/\//u.test(site)) return undefined;
  return (key) => `${site}/browse/${encodeURIComponent(key)}`;
}
