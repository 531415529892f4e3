import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { IndexedIssueProperty } from '../jira/jql';

/** The parts of `manifest.yml` the local runtime wires. Unknown keys pass through. */
const fnRef = z.object({ function: z.string() });
const manifestSchema = z.looseObject({
  modules: z.looseObject({
    function: z.array(z.looseObject({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })),
    'jira:projectPage': z
      .array(z.looseObject({ key: z.string(), resource: z.string(), resolver: fnRef.optional(), title: z.string() }))
      .default([]),
    'jira:issueContext': z
      .array(z.looseObject({ key: z.string(), resource: z.string(), resolver: fnRef.optional(), title: z.string(), label: z.string() }))
      .default([]),
    webtrigger: z.array(z.looseObject({ key: z.string(), function: z.string() })).default([]),
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
  title: string;
  /** The issue-context panel's collapsed label. */
  label: string | undefined;
  resourcePath: string;
  resolverFunction: string | undefined;
}

export function loadManifest(file: string): Manifest {
  return manifestSchema.parse(parse(readFileSync(file, 'utf8')));
}

/** `index.resolver` -> file `index`, export `resolver`. */
export function splitHandler(handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  return { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

export function uiModules(manifest: Manifest): UiModule[] {
  const resources = new Map(manifest.resources.map((r) => [r.key, r.path]));
  const toUi =
    (kind: UiModuleKind) =>
    (m: { key: string; resource: string; title: string; label?: string; resolver?: { function: string } | undefined }): UiModule => {
      const resourcePath = resources.get(m.resource);
      if (!resourcePath) throw new Error(`manifest: module ${m.key} names unknown resource ${m.resource}`);
      return { kind, key: m.key, title: m.title, label: m.label, resourcePath, resolverFunction: m.resolver?.function };
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
