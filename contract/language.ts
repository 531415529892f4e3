/**
 * The languages the app speaks (English, Simplified Chinese): of the UI, of rendered reports and
 * of a project's default client language. Defined once, imported everywhere.
 */
import * as z from 'zod/mini';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;
