/**
 * Command-line parsing for `client-followup report`. Every problem becomes a `UsageError` whose
 * message names it in one line; `main` prints it and exits 2.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../contract/settings';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  client-followup report --dataset FILE [options]
  client-followup report --site URL --project KEY [options]   (JIRA_EMAIL and JIRA_API_TOKEN in the environment)

Options:
  --now ISO                 the instant to report at (default: the current time); an ISO 8601 date-time
                            with an offset, or a day YYYY-MM-DD (midnight UTC)
  --audience internal|client  (default internal)
  --format json|markdown|html (default json)
  --lang en|zh-CN           (default: en; for --audience client, the settings' defaultClientLanguage)
  --settings FILE           project settings (JSON, the Settings section's schema; keys left out keep
                            their defaults)
  --project KEY             with --dataset: must be the dataset's project (default: it)
  --help                    this text

Exit codes: 0 report printed, 1 Jira could not be read, 2 invalid input.`;

const VALUE_FLAGS = ['dataset', 'site', 'project', 'now', 'audience', 'format', 'lang', 'settings'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

const enumOf = <const T extends readonly [string, ...string[]]>(flag: string, values: T) =>
  z.enum(values, { error: (issue) => `--${flag} must be ${values.join(' or ')} (got '${String(issue.input)}')` });

const nowSchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: (issue) => `--now must be an ISO 8601 date-time with an offset or a day YYYY-MM-DD (got '${String(issue.input)}')`,
  })
  .transform((text) => new Date(/^\d{4}-\d{2}-\d{2}$/u.test(text) ? `${text}T00:00:00Z` : text))
  .refine((date) => !Number.isNaN(date.getTime()), { error: '--now is not a real date' });

const siteSchema = z
  .url({
    protocol: /^https?$/u,
    error: (issue) => `--site must be an http(s) URL such as https://your-site.atlassian.net (got '${String(issue.input)}')`,
  })
  .transform((text) => new URL(text).origin);

const OptionsSchema = z.object({
  dataset: z.string().min(1, { error: '--dataset needs a file' }).optional(),
  site: siteSchema.optional(),
  project: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/u, { error: (issue) => `--project must be a project key such as ACME (got '${String(issue.input)}')` })
    .transform((key) => key.toUpperCase())
    .optional(),
  now: nowSchema.optional(),
  audience: enumOf('audience', ['internal', 'client'] as const).default('internal'),
  format: enumOf('format', ['json', 'markdown', 'html'] as const).default('json'),
  lang: enumOf('lang', LANGUAGES).optional(),
  settings: z.string().min(1, { error: '--settings needs a file' }).optional(),
});

const CredentialsSchema = z.object({
  JIRA_EMAIL: z
    .string({ error: 'JIRA_EMAIL is not set (needed with --site)' })
    .trim()
    .min(1, { error: 'JIRA_EMAIL is empty (needed with --site)' }),
  JIRA_API_TOKEN: z
    .string({ error: 'JIRA_API_TOKEN is not set (needed with --site)' })
    .trim()
    .min(1, { error: 'JIRA_API_TOKEN is empty (needed with --site)' }),
});

interface CommonOptions {
  now: Date | undefined;
  audience: 'internal' | 'client';
  format: 'json' | 'markdown' | 'html';
  /** Undefined: English for the internal audience, the settings' default client language for the client. */
  lang: Language | undefined;
  /** A settings file, or undefined for the defaults. */
  settingsFile: string | undefined;
}

export type ReportCommand =
  | ({ kind: 'report'; source: { kind: 'dataset'; file: string; projectKey: string | undefined } } & CommonOptions)
  | ({ kind: 'report'; source: { kind: 'site'; site: string; projectKey: string; email: string; apiToken: string } } & CommonOptions);

export type Command = ReportCommand | { kind: 'help' };

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name);
}

/** `--flag value` and `--flag=value`; each flag at most once. */
function tokenize(args: readonly string[]): { positionals: string[]; values: Partial<Record<ValueFlag, string>>; help: boolean } {
  const positionals: string[] = [];
  const values: Partial<Record<ValueFlag, string>> = {};
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const match = /^--([^=]+)(?:=(.*))?$/su.exec(arg);
    const name = match?.[1] ?? arg;
    if (!match || !isValueFlag(name)) throw new UsageError(`unknown option ${match ? `--${name}` : arg}`);
    if (values[name] !== undefined) throw new UsageError(`--${name} is given more than once`);
    let value = match[2];
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    values[name] = value;
  }
  return { positionals, values, help };
}

/**
 * @throws UsageError naming the first problem found.
 */
export function parseArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  const { positionals, values, help } = tokenize(args);
  if (help) return { kind: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError("missing command: expected 'report' (see --help)");
  if (command !== 'report') throw new UsageError(`unknown command '${command}' (expected 'report')`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0] ?? ''}'`);

  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsageError(first?.message ?? 'invalid options');
  }
  const options = parsed.data;
  const common: CommonOptions = {
    now: options.now,
    audience: options.audience,
    format: options.format,
    lang: options.lang,
    settingsFile: options.settings,
  };

  if (options.dataset !== undefined && options.site !== undefined) throw new UsageError('give either --dataset or --site, not both');
  if (options.dataset !== undefined) {
    return { kind: 'report', source: { kind: 'dataset', file: options.dataset, projectKey: options.project }, ...common };
  }
  if (options.site !== undefined) {
    if (options.project === undefined) throw new UsageError('--site needs --project KEY');
    const credentials = CredentialsSchema.safeParse(env);
    if (!credentials.success)
      throw new UsageError(credentials.error.issues[0]?.message ?? 'JIRA_EMAIL and JIRA_API_TOKEN are needed with --site');
    return {
      kind: 'report',
      source: {
        kind: 'site',
        site: options.site,
        projectKey: options.project,
        email: credentials.data.JIRA_EMAIL,
        apiToken: credentials.data.JIRA_API_TOKEN,
      },
      ...common,
    };
  }
  throw new UsageError('give --dataset FILE or --site URL --project KEY');
}
