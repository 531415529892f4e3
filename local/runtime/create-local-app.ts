/**
 * Assembles the local platform: SQLite KVS, the Jira emulator (or a real site), the Forge
 * runtime with the app's handlers, and optionally the host server. Used by `npm start`, the
 * integration and browser tests and the benchmarks, so they all run the same wiring.
 */
import { z } from 'zod';
import { LOCAL_ACCOUNTS, toAccountSummary } from '../jira/accounts';
import { JiraEmulator } from '../jira/emulator';
import type { Dataset } from '../jira/dataset';
import { SqliteKvs } from '../kvs/sqlite-kvs';
import type { ProductBackend } from './forge-globals';
import { createPostmarkRelay } from '../mail/postmark-relay';
import { SmtpInbox } from '../mail/smtp-inbox';
import { POSTMARK_API_ORIGIN } from '../../src/adapters/mail/postmark-mail-sender';
import { installEgress } from './egress';
import { LocalForge } from './local-forge';
import { egressOrigins, indexedIssueProperties } from './manifest';
import { realJiraBackend, type RealJiraSite } from './real-jira-backend';
import { LocalServer } from './server';

const share = z.number().min(0).max(1).optional();
/** Fault plans arrive as JSON from the admin endpoint; parsed, never trusted. `null` clears. */
const jiraFaultPlanSchema = z.nullish(
  z.strictObject({
    rateLimitShare: share,
    retryAfterSeconds: z.number().min(0).max(60).optional(),
    serverErrorShare: share,
    latencyMs: z.number().int().min(0).max(30_000).optional(),
    failAll: z.boolean().optional(),
    seed: z.number().int().optional(),
  }),
);
const kvsFaultPlanSchema = z.nullish(
  z.strictObject({ rateLimitShare: share, serverErrorShare: share, failAll: z.boolean().optional(), seed: z.number().int().optional() }),
);

/** Drops keys whose value is undefined, as the plans' optional properties expect. */
function defined<T extends object>(plan: T | null | undefined): { [K in keyof T]: Exclude<T[K], undefined> } | undefined {
  if (!plan) return undefined;
  return Object.fromEntries(Object.entries(plan).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export interface LocalAppOptions {
  rootDir: string;
  /** SQLite file for the KVS, or ':memory:'. */
  kvsFile?: string;
  /** Projects the emulator serves; ignored when `jiraSite` is set. */
  datasets?: Dataset[];
  /** A real Jira Cloud site instead of the emulator. */
  jiraSite?: RealJiraSite;
  /** Start the host server too. */
  serve?: { port?: number; host?: string };
  /** The emulator's clock. */
  now?: () => Date;
}

export interface LocalApp {
  forge: LocalForge;
  kvs: SqliteKvs;
  emulator: JiraEmulator | undefined;
  server: LocalServer | undefined;
  url: string | undefined;
  product: ProductBackend;
  /** The SMTP server the mail provider's local relay delivers to: what recipients would get. */
  mail: SmtpInbox;
  close(): Promise<void>;
}

export async function createLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  // Entities and indexed issue properties come from the manifest, as Forge and Jira derive them at deploy time.
  const bootstrapManifest = await LocalForge.readManifest(options.rootDir);
  // Bound after start: Jira events may only reach the triggers once the handlers are loaded.
  const delivery: { forge?: LocalForge } = {};
  const emulator = options.jiraSite
    ? undefined
    : new JiraEmulator({
        datasets: options.datasets ?? [],
        issueProperties: indexedIssueProperties(bootstrapManifest),
        ...(options.now ? { now: options.now } : {}),
        // Jira fires product events after a change; the local platform delivers them to triggers.
        onIssueEvent: (event, origin) => {
          delivery.forge?.dispatchProductEvent(event, origin);
        },
        onIssueLinkEvent: (event, origin) => {
          delivery.forge?.dispatchProductEvent(event, origin);
        },
      });
  // `asUser` calls reach the emulator with their account; `asApp` ones as the app, which sees all.
  const product: ProductBackend = options.jiraSite
    ? realJiraBackend(options.jiraSite)
    : (request, target) =>
        (emulator as JiraEmulator).handle(request, target.provider === 'user' && target.accountId ? { accountId: target.accountId } : {});

  // The app's outside calls: only the manifest's declared origins; the mail provider is a local relay to a real SMTP server.
  const mail = new SmtpInbox(options.now ? { now: options.now } : {});
  const smtpPort = await mail.listen();
  const removeEgress = installEgress({
    allowedOrigins: egressOrigins(bootstrapManifest),
    routes: new Map([[POSTMARK_API_ORIGIN, createPostmarkRelay({ smtpPort, ...(options.now ? { now: options.now } : {}) })]]),
  });

  const kvs = new SqliteKvs({ file: options.kvsFile ?? ':memory:', entities: bootstrapManifest.app.storage?.entities ?? [] });
  const forge = await LocalForge.start({ rootDir: options.rootDir, kvs, product });
  delivery.forge = forge;

  let server: LocalServer | undefined;
  if (options.serve) {
    server = new LocalServer({
      forge,
      product,
      ...(emulator ? { hostProduct: (request: Request) => emulator.handle(request, { asHost: true }) } : {}),
      // A real site is one API token, one account: the switcher offers only the PM stand-in.
      mail,
      accounts: () => emulator?.accountSummaries() ?? [toAccountSummary(LOCAL_ACCOUNTS.pm, [])],
      rootDir: options.rootDir,
      ...(options.serve.port !== undefined ? { port: options.serve.port } : {}),
      ...(options.serve.host !== undefined ? { host: options.serve.host } : {}),
      controls: {
        setJiraFaults: (plan) => emulator?.setFaults(defined(jiraFaultPlanSchema.parse(plan))),
        setKvsFaults: (plan) => kvs.setFaults(defined(kvsFaultPlanSchema.parse(plan))),
        jiraStats: () => emulator?.stats(),
        resetStats: () => emulator?.resetStats(),
      },
    });
    await server.listen();
    forge.webTriggerOrigin = server.url;
  }

  return {
    forge,
    kvs,
    emulator,
    server,
    url: server?.url,
    product,
    mail,
    async close() {
      await server?.close();
      await forge.drainQueue();
      forge.stop();
      kvs.close();
      removeEgress();
      await mail.close();
    },
  };
}
