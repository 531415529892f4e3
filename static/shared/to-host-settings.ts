import * as z from 'zod/mini';

export type ColorMode = 'light' | 'dark' | 'auto';

export interface HostSettings {
  /** The Forge locale as the host gave it (`en-US`, `zh-CN`), or null when absent. */
  forgeLocale: string | null;
  colorMode: ColorMode;
  /** The Jira site's base URL (`https://acme.atlassian.net`), or null when absent. */
  siteUrl: string | null;
}

/**
 * Only what the UI reads from `view.getContext()`; everything else passes through. Each
 * field falls back on its own, so an odd theme does not cost the user their language.
 */
const hostContextSchema = z.looseObject({
  locale: z.catch(z.nullish(z.string().check(z.minLength(1))), null),
  siteUrl: z.catch(z.nullish(z.string().check(z.regex(/^https?:\/\/[^\s/]+/u))), null),
  theme: z.catch(z.nullish(z.looseObject({ colorMode: z.catch(z.nullish(z.enum(['light', 'dark', 'auto'])), null) })), null),
});

/**
 * The UI settings from a Forge context. A missing or unreadable context (the host did not
 * answer, or a host version without theming) gives the browser's defaults: no locale
 * (English), `auto` colour mode and site-relative links.
 */
export function toHostSettings(context: unknown): HostSettings {
  const parsed = hostContextSchema.safeParse(context);
  if (!parsed.success) return { forgeLocale: null, colorMode: 'auto', siteUrl: null };
  return {
    forgeLocale: parsed.data.locale ?? null,
    colorMode: parsed.data.theme?.colorMode ?? 'auto',
    siteUrl: parsed.data.siteUrl ?? null,
  };
}
