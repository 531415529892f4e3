/**
 * The message catalogue is one set of modules in this folder, one per namespace, each holding
 * its English and Simplified Chinese text side by side. Plain strings (labels, UI chrome) are
 * `Strings` namespaces, keyed `namespace.name` and filled with `{placeholders}`; sentences that
 * need plurals or formatted numbers are functions (`*-sentences.ts`). The English object is the
 * reference: the Chinese one is typed against it, so a missing or extra key fails to compile.
 */
import type { Language } from '../language';
import { fill } from './format';

/** A translation of the English strings `E`: the same keys, any text. */
export type Translation<E> = { readonly [K in keyof E]: string };

/** One namespace of strings, in every language. */
export type Strings<E> = Readonly<Record<Language, Translation<E>>>;

/** Any namespace of strings (for code that looks keys up generically). */
export type AnyStrings = Readonly<Record<Language, Readonly<Record<string, string>>>>;

/** The keys of one namespace, or of each in a union of namespaces. */
export type KeyOf<N> = N extends AnyStrings ? keyof N['en'] & string : never;

export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks a key up and fills its `{placeholders}`. */
export type Translate<K extends string> = (key: K, params?: MessageParams) => string;

/**
 * A translator over some namespaces in one language: only the namespaces passed in are
 * reachable (and bundled), and only their keys type-check. An unknown placeholder is left as
 * written so the gap is visible.
 */
export function translator<const N extends readonly AnyStrings[]>(lang: Language, ...namespaces: N): Translate<KeyOf<N[number]>> {
  const tables = namespaces.map((namespace) => namespace[lang]);
  return (key, params) => {
    for (const table of tables) {
      if (Object.hasOwn(table, key)) return fill(table[key] ?? key, params);
    }
    return key;
  };
}
