import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';

/**
 * How one kind of record is kept: declared once, read by both storage implementations, the
 * manifest check and export/delete. Adding a record kind costs a declaration, never adapter code.
 */
interface RecordKindBase<T> {
  /** Stable name; also names the kind in exports. Lower-case, dashes. */
  name: string;
  /** Version of the record's shape. Bump it with a `migrate` step whenever `schema` changes. */
  schemaVersion: number;
  /** A zod (classic or mini) schema: the contract's schemas are mini, so the UI can bundle them. */
  schema: $ZodType<T>;
  /**
   * Turns a value stored by an older schema version into the current shape (before `schema`
   * parses it). `fromVersion` is the stored version, 0 for values written before versioning.
   */
  migrate?: (stored: unknown, fromVersion: number) => unknown;
  /** Whether the record belongs to one project (exported and deleted with it) or to the site. */
  scope: 'project' | 'site';
}

export interface DocumentKind<T> extends RecordKindBase<T> {
  shape: 'document';
}

export type FilterValue = string | number | boolean;

export interface CollectionKind<T> extends RecordKindBase<T> {
  shape: 'collection';
  /** The Forge custom entity holding the records (declared in manifest.yml). */
  entity: string;
  idOf: (record: T) => string;
  /** The record's time (ISO 8601 UTC instant), its order in lists. */
  timeOf: (record: T) => string;
  /** Attributes stored beside the value for `where` filters, by name (≤ 30 characters). */
  filters?: Readonly<Record<string, { type: 'string' | 'integer' | 'boolean'; of: (record: T) => FilterValue }>>;
  /**
   * Records carry a revision beside the value (a `revision` attribute of the entity), so
   * `Collection.save` can replace one only if nobody saved since it was read.
   */
  revisioned?: boolean;
}

export type RecordKind<T = unknown> = DocumentKind<T> | CollectionKind<T>;

/** A kind whose record type is erased, for lists of heterogeneous kinds (export, delete, checks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind is then used through the generic store, which is typed per kind
export type AnyRecordKind = DocumentKind<any> | CollectionKind<any>;

/** Ids and partitions become parts of KVS keys: letters, digits and `._-` only. */
export const RECORD_ID = /^[A-Za-z0-9._-]{1,100}$/u;

export function defineDocumentKind<T>(kind: Omit<DocumentKind<T>, 'shape'>): DocumentKind<T> {
  return { ...kind, shape: 'document' };
}

export function defineCollectionKind<T>(kind: Omit<CollectionKind<T>, 'shape'>): CollectionKind<T> {
  return { ...kind, shape: 'collection' };
}

/**
 * A stored value as the current schema, or undefined when it cannot be read (corrupt, or
 * written by a newer version whose shape this one does not know). Migrates older versions first.
 */
export function toCurrentRecord<T>(kind: RecordKindBase<T>, stored: unknown, storedVersion: number | undefined): T | undefined {
  const version = storedVersion ?? 0;
  const migrated = version < kind.schemaVersion && kind.migrate ? kind.migrate(stored, version) : stored;
  const parsed = z.safeParse(kind.schema, migrated);
  return parsed.success ? parsed.data : undefined;
}
