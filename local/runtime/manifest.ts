import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../contract/language';
import type { IndexedIssueProperty } from '../jira/jql';

/** The parts of `manifest.yml` the local runtime wires. Unknown keys pass through. */
const fnRef = z.object({ function: z.string() });
/** A module property shown by the product: plain text, or a key into the manifest's translations. */
const displayText = z.union([z.string(), z.object({ i18n: z.string() })]);
type DisplayText = z.infer<typeof displayText>;
const manifestSchema = z.looseObject({
  modules: z.looseObject({
    function: z.array(z.looseObject({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })),
    'jira:projectPage': z
      .array(z.looseObject({ key: z.string(), resource: z.string(), resolver: fnRef.optional(), title: displayText }))
      .default([]),
    'jira:issueContext': z
      .array(z.looseObject({ key: z.string(), resource: z.string(), resolver: fnRef.optional(), title: displayText, label: displayText }))
      .default([]),
    webtrigger: z.array(z.looseObject({ key: z.string(), function: z.string(), urlFormat: z.enum(['v1', 'v2']).optional() })).default([]),
    scheduledTrigger: z
      .array(z.looseObject({ key: z.string(), function: z.string(), interval: z.enum(['fiveMinute', 'hour', 'day', 'week']) }))
      .default([]),
    trigger: z
      .array(
        z.looseObject({
          key: z.string(),
          function: z.string(),
          events: z.array(z.string()),
          filter: z.looseObject({ ignoreSelf: z.boolean().optional() }).optional(),
          payload: z.looseObject({ include: z.looseObject({ fields: z.array(z.string()).optional() }) }).optional(),
        }),
      )
      .default([]),
    consumer: z.array(z.looseObject({ key: z.string(), queue: z.string(), function: z.string() })).default([]),
    'jira:entityProperty': z
      .array(
        z.looseObject({
          key: z.string(),
          entityType: z.string().default('issue'),
          propertyKey: z.string(),
          values: z.array(
            z.looseObject({
              path: z.string(),
              type: z.enum(['string', 'number', 'date', 'text', 'user']),
              searchAlias: z.string().optional(),
            }),
          ),
        }),
      )
      .default([]),
  }),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
  translations: z
    .object({
      resources: z.array(z.object({ key: z.string(), path: z.string() })),
      fallback: z.looseObject({ default: z.string() }),
    })
    .optional(),
  permissions: z
    .looseObject({
      external: z
        .looseObject({
          fetch: z
            .looseObject({
              // Forge accepts an address or an object naming it (with a category for data residency).
              backend: z.array(z.union([z.string(), z.looseObject({ address: z.string() })])).default([]),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  app: z.looseObject({
    id: z.string(),
    storage: z
      .looseObject({
        entities: z
          .array(
            z.object({
              name: z.string(),
              attributes: z.record(z.string(), z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) })),
              indexes: z
                .array(
                  z.union([
                    z.string(),
                    z.object({ name: z.string(), range: z.array(z.string()), partition: z.array(z.string()).optional() }),
                  ]),
                )
                .optional(),
            }),
          )
          .default([]),
      })
      .optional(),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type UiModuleKind = 'jira:projectPage' | 'jira:issueContext';

export interface UiModule {
  kind: UiModuleKind;
  key: string;
  /** The module's name in each language, as the product shows it (menus, tab and page titles). */
  title: Readonly<Record<Language, string>>;
  /** The issue-context panel's collapsed label. */
  label: Readonly<Record<Language, string>> | undefined;
  resourcePath: string;
  resolverFunction: string | undefined;
}

export function loadManifest(file: string): Manifest {
  return manifestSchema.parse(parse(readFileSync(file, 'utf8')));
}

/**
 * The origins the app's functions may fetch (`permissions.external.fetch.backend`), as
 * `https://host[:port]`; Forge's egress control refuses every other one.
 */
export function egressOrigins(manifest: Manifest): string[] {
  const entries = manifest.permissions?.external?.fetch?.backend ?? [];
  return entries.map((entry) => new URL(typeof entry === 'string' ? entry : entry.address).origin);
}

/** `index.resolver` -> file `index`, export `resolver`. */
export function splitHandler(handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/** Forge's locale for each of the app's languages. */
const FORGE_LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', 'zh-CN': 'zh-CN' };

/** A translation file: nested objects of strings, keyed by the dotted `i18n` key. */
const translationFile = z.record(z.string(), z.unknown());

/**
 * A module property's text in every language, as Jira resolves it: the viewer's locale, then
 * the manifest's fallback. Plain text is the same in every language.
 * @throws Error when a key is in no translation file (Forge's linter refuses that too).
 */
function toDisplayTexts(text: DisplayText, translate: (key: string, lang: Language) => string | undefined): Record<Language, string> {
  const texts = {} as Record<Language, string>;
  for (const lang of LANGUAGES) {
    const value = typeof text === 'string' ? text : translate(text.i18n, lang);
    if (value === undefined) throw new Error(`manifest: no translation for ${typeof text === 'string' ? text : text.i18n}`);
    texts[lang] = value;
  }
  return texts;
}

/** Looks `i18n` keys up in the manifest's translation files (read from `rootDir`). */
function translator(manifest: Manifest, rootDir: string): (key: string, lang: Language) => string | undefined {
  const translations = manifest.translations;
  if (translations === undefined) return () => undefined;
  const files = new Map(
    translations.resources.map((r) => [r.key, translationFile.parse(JSON.parse(readFileSync(path.join(rootDir, r.path), 'utf8')))]),
  );
  const lookUp = (locale: string, key: string): string | undefined => {
    let node: unknown = files.get(locale);
    for (const part of key.split('.'))
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  return (key, lang) => lookUp(FORGE_LOCALES[lang], key) ?? lookUp(translations.fallback.default, key);
}

export function uiModules(manifest: Manifest, rootDir: string): UiModule[] {
  const resources = new Map(manifest.resources.map((r) => [r.key, r.path]));
  const translate = translator(manifest, rootDir);
  const toUi =
    (kind: UiModuleKind) =>
    (m: {
      key: string;
      resource: string;
      title: DisplayText;
      label?: DisplayText;
      resolver?: { function: string } | undefined;
    }): UiModule => {
      const resourcePath = resources.get(m.resource);
      if (!resourcePath) throw new Error(`manifest: module ${m.key} names unknown resource ${m.resource}`);
      return {
        kind,
        key: m.key,
        title: toDisplayTexts(m.title, translate),
        label: m.label === undefined ? undefined : toDisplayTexts(m.label, translate),
        resourcePath,
        resolverFunction: m.resolver?.function,
      };
    };
  return [
    ...manifest.modules['jira:projectPage'].map(toUi('jira:projectPage')),
    ...manifest.modules['jira:issueContext'].map(toUi('jira:issueContext')),
  ];
}

export const INTERVAL_MS: Record<'fiveMinute' | 'hour' | 'day' | 'week', number> = {
  fiveMinute: 5 * 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

/** The issue property values the manifest indexes for JQL (`jira:entityProperty` on issues). */
export function indexedIssueProperties(manifest: Manifest): IndexedIssueProperty[] {
  return manifest.modules['jira:entityProperty']
    .filter((m) => m.entityType === 'issue')
    .flatMap((m) =>
      m.values.map((v) => ({
        propertyKey: m.propertyKey,
        path: v.path,
        type: v.type,
        ...(v.searchAlias !== undefined ? { searchAlias: v.searchAlias } : {}),
      })),
    );
}
