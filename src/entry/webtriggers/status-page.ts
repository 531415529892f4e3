import { isAppError } from '../../application/app-error';
import { handleShareRequest, messagePage } from '../../application/share/share-gate';
import { serveSharedPage } from '../../application/share/serve-shared-page';
import { SharedPageReuse } from '../../application/share/page-reuse';
import { z } from 'zod';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { recordStore, refreshQueue, systemClock } from '../compose';
import { consoleLogger } from '../log';
import { webTriggerRequestSchema, type WebTriggerResponse } from './http';

/**
 * Links and rendered pages kept while this function instance lives, keyed by installation and
 * token hash, reused only while their project's stamp holds; stamp reads and access log writes
 * shared by the requests that arrive together (`page-reuse.ts`).
 */
const pageReuse = new SharedPageReuse(recordStore);

/**
 * The invocation context's site: every Forge function gets `(payload, context)`, the context
 * with `installContext`.
 * @see https://developer.atlassian.com/platform/forge/function-reference/arguments/
 */
const installationSchema = z.looseObject({ installContext: z.string().min(1) });

/**
 * The client status page (DESIGN.md §6): `/s/<token>` of the trigger's URL (`userPath`, v2
 * URL format). The gate resolves the link and hands a valid one to the page. Storage that is
 * down or rate-limited answers a 503 page to retry; anything else unexpected is rethrown, so
 * the platform records the failure.
 */
export async function statusPage(request: unknown, context?: unknown): Promise<WebTriggerResponse> {
  const parsed = webTriggerRequestSchema.safeParse(request);
  if (!parsed.success) return messagePage('en', 400, 'bad');
  const installation = installationSchema.safeParse(context).data?.installContext;
  try {
    return await handleShareRequest(
      {
        records: recordStore,
        now: systemClock.now(),
        serve: serveSharedPage,
        requestRefresh: refreshInBackground,
        ...(installation === undefined ? {} : { pages: { reuse: pageReuse, installation } }),
      },
      parsed.data,
    );
  } catch (error) {
    if (isAppError(error) && (error.code === 'STORAGE_UNAVAILABLE' || error.code === 'RATE_LIMITED')) {
      consoleLogger.error('status page unavailable', { code: error.code });
      return messagePage('en', 503, 'unavailable', { 'Retry-After': ['30'] });
    }
    throw error;
  }
}

/** A client's feedback or decision moved the project's health: the consumer derives it again. */
async function refreshInBackground(projectId: string): Promise<void> {
  const snapshot = (await readSnapshot(recordStore, projectId)).value;
  if (snapshot) await refreshQueue.requestRefresh(projectId, snapshot.project.key);
}
