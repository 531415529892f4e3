/**
 * Rendered status pages kept in the function's memory between views (issue 12's load budget),
 * reused only while the project's shared-page stamp is the one read before they were built
 * (`page-stamp.ts`). One entry per installation and token hash: the link as it was resolved
 * (its expiry is checked again on every view) and its rendered variants (language × HTML/JSON).
 *
 * A page carries the feedback form's submission id, which must differ on every view: a variant
 * is kept with the random id it was rendered with (`nonce`) and each reuse puts a fresh one in
 * its place. Bounded by size, least recently used first out; losing an entry costs one render.
 */
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Language } from '../../../contract/language';
import type { WebTriggerResponse } from '../../../contract/share';
import type { PageFormat } from './http';
import type { ShareLinkRecord } from '../records/record-kinds';

/** What the cache may hold, in characters of page bodies (about twice that in bytes at worst). */
const MAX_CACHED_CHARACTERS = 8 * 1024 * 1024;
/** A variant larger than this is served but not kept (a page is about 25 KB). */
const MAX_VARIANT_CHARACTERS = 512 * 1024;

/** A response that may be served again with `nonce` replaced by a fresh submission id. */
export interface ReusableResponse {
  response: WebTriggerResponse;
  nonce: string;
}

/** A kept response, its body cut where the submission id goes. */
interface Variant {
  statusCode: number;
  headers: Record<string, string[]>;
  parts: string[];
}

interface Entry {
  /** The stamp read before the link and the page's inputs were. */
  stamp: string;
  link: ShareLinkRecord;
  variants: Map<string, Variant>;
}

const variantKey = (lang: Language, format: PageFormat) => `${lang}|${format}`;

const copyHeaders = (headers: Readonly<Record<string, readonly string[]>>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, [...values]]));

export class SharedPageCache {
  private readonly entries: LRUCache<string, Entry>;

  constructor(maxCharacters = MAX_CACHED_CHARACTERS) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxCharacters,
      sizeCalculation: (entry) => {
        let size = 1024;
        for (const { parts } of entry.variants.values()) for (const part of parts) size += part.length;
        return size;
      },
    });
  }

  /** The link a token's hash resolved to under `stamp`, if that is still known. */
  lookup(key: string): { stamp: string; link: ShareLinkRecord } | undefined {
    return this.entries.get(key);
  }

  /** A fresh copy of a variant kept under `stamp` (its submission id renewed), if kept. */
  response(key: string, stamp: string, lang: Language, format: PageFormat): WebTriggerResponse | undefined {
    const entry = this.entries.get(key);
    const kept = entry?.stamp === stamp ? entry.variants.get(variantKey(lang, format)) : undefined;
    if (!kept) return undefined;
    return { statusCode: kept.statusCode, headers: copyHeaders(kept.headers), body: kept.parts.join(randomUUID()) };
  }

  /**
   * Keeps the link resolved under `stamp` and, when given, one rendered variant. An entry kept
   * under another stamp is replaced, variants and all.
   */
  remember(
    key: string,
    resolved: { stamp: string; link: ShareLinkRecord },
    variant?: { lang: Language; format: PageFormat; reusable: ReusableResponse },
  ): void {
    const current = this.entries.get(key);
    // A new entry object every time: the cache sizes an entry when it is set with another value.
    const entry: Entry = {
      stamp: resolved.stamp,
      link: resolved.link,
      variants: new Map(current?.stamp === resolved.stamp ? current.variants : []),
    };
    if (variant && variant.reusable.response.body.length <= MAX_VARIANT_CHARACTERS) {
      const { response, nonce } = variant.reusable;
      // Copies: whatever the caller does with its response does not reach the next view.
      entry.variants.set(variantKey(variant.lang, variant.format), {
        statusCode: response.statusCode,
        headers: copyHeaders(response.headers),
        parts: response.body.split(nonce),
      });
    }
    this.entries.set(key, entry);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
