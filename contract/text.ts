/**
 * Free text people type into the app (names, notes, decisions, comments): trimmed, and without
 * the Unicode bidirectional embedding, override and isolate controls, which let text display in
 * an order other than the one it is stored in (a reason that reads backwards, a disguised name:
 * "Trojan Source"). Right-to-left scripts need none of them: they display by their letters.
 */
import * as z from 'zod/mini';

/** U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

const clean = z.overwrite((value: string) => withoutBidiControls(value).trim());

/** Optional free text of at most `max` characters (may be blank). */
export const textSchema = (max: number) => z.string().check(clean, z.maxLength(max));
/** Free text of 1 to `max` characters. */
export const requiredTextSchema = (max: number) => z.string().check(clean, z.minLength(1), z.maxLength(max));
