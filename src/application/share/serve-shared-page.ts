/**
 * The client status page for one valid share link (DESIGN.md §6, issue 12). The caller (the web
 * trigger's routing) has resolved the link — token, expiry, revocation, passcode, rate limits —
 * and logs the `AccessEvent` answered here.
 *
 * - GET (and HEAD): the page from stored data only (the snapshot's client report, or the published report
 *   exactly as published): no Jira call. HTML, or the same content as JSON for
 *   `Accept: application/json` or `?format=json`. The language is `?lang=` or the link's.
 * - POST (`application/x-www-form-urlencoded` only, else 415): the feedback form or a decision
 *   on a change request awaiting the client; a confirmation page, or a 4xx page naming the fields
 *   at fault and echoing nothing that was sent. Nothing is stored unless the whole form is valid;
 *   a stored one marks the project changed, so the health it moves is derived again.
 */
import { publishedDraftKind } from '../records/record-kinds';
import { toLiveReports } from '../reports/live-reports';
import { randomUUID } from 'node:crypto';
import type { ClientStatusReportJson } from '../../../contract/client-report';
import { feedbackInputSchema, feedbackReferenceSchema } from '../../../contract/feedback';
import { languageSchema, type Language } from '../../../contract/language';
import type { AccessEvent, SharedPageLink, WebTriggerRequest, WebTriggerResponse } from '../../../contract/share';
import { AppError, isAppError } from '../app-error';
import { listChangeRequests, transitionStoredChangeRequest } from '../changes/change-requests';
import { addFeedback } from '../feedback/add-feedback';
import { markProjectDirty } from '../mark-project-dirty';
import { getProjectSettings } from '../project-settings';
import { changeRequestKind, publishedReportKind } from '../records/record-kinds';
import { readPublishedReport } from '../reports/published-reports';
import { reportDates } from '../render/report-text';
import { readReports, readSnapshot, STORED_REPORT_FORMAT } from '../snapshot/project-cache';
import { renderStoredReport } from '../snapshot/read-snapshot';
import type { RecordStore } from '../storage';
import { htmlResponse, jsonResponse, pageFormat, type PageFormat } from './http';
import { renderMessagePage, renderNoDataPage, renderSharedPage, shareWords } from './render-shared-page';
import {
  MAX_FORM_BYTES,
  MAX_NAME_LENGTH,
  parseSharedPageForm,
  type DecisionForm,
  type FeedbackForm,
  type FormField,
} from './shared-page-forms';
import { toSharedPageContent, type SharedPageContent } from './shared-page-content';
import { acceptanceFieldNames, decideAcceptanceFromPage, toSharedAcceptanceSection } from './shared-acceptance';
import { getAcceptance } from '../acceptance/acceptance';
import { getEngagement } from '../engagement/engagement';
import { toSharedCommitmentsSection } from './shared-commitments';

export interface SharedPageDeps {
  records: RecordStore;
  now: Date;
  /** Derives the project's data again in the background; without it, the next refresh does. */
  requestRefresh?: ((projectId: string) => Promise<void>) | undefined;
}

export interface SharedPageAnswer {
  response: WebTriggerResponse;
  event: AccessEvent;
  /**
   * Present when the response may be served again for the same link, language and format until
   * the project's shared-page stamp changes, with `nonce` (its submission id) replaced.
   */
  reusable?: { lang: Language; format: PageFormat; nonce: string };
}

/** How many change requests awaiting the client the page lists (and offers to decide). */
export const MAX_AWAITING_REQUESTS = 50;
/** Who decided, as the PM's Changes section and the report show it. */
export const CLIENT_DECIDER_SUFFIX = ' (client via status page)';

export async function serveSharedPage(deps: SharedPageDeps, link: SharedPageLink, request: WebTriggerRequest): Promise<SharedPageAnswer> {
  const lang = queryLanguage(request) ?? link.lang;
  const method = request.method.toUpperCase();
  try {
    // HEAD is a GET whose body the caller drops.
    if (method === 'GET' || method === 'HEAD') return await view(deps, link, request, lang);
    if (method === 'POST') return await act(deps, link, request, lang);
    const answer = refusal(405, lang, 'invalid', shareWords(lang)('share.error.method'), 'method');
    answer.response.headers.Allow = ['GET, POST'];
    return answer;
  } catch (error) {
    if (isAppError(error) && error.code === 'STORAGE_UNAVAILABLE') {
      const kind = method === 'POST' ? 'invalid' : 'view';
      return refusal(503, lang, kind, shareWords(lang)('share.error.unavailable'), 'storage');
    }
    throw error;
  }
}

function header(request: WebTriggerRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, values] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return values.join(',');
  return undefined;
}

function queryLanguage(request: WebTriggerRequest): Language | undefined {
  return languageSchema.safeParse(request.queryParameters.lang?.[0]).data;
}

/** A refusal page in `lang`; `detail` is a short code for the access log, never the client's text. */
function refusal(status: number, lang: Language, kind: AccessEvent['kind'], message: string, detail: string): SharedPageAnswer {
  const s = shareWords(lang);
  return {
    response: htmlResponse(status, renderMessagePage(lang, s('share.error.title'), message)),
    event: { kind, outcome: 'refused', detail },
  };
}

// ---------------------------------------------------------------------------------------------
// Viewing

/** The page's content from stored data, or undefined when the project has none yet. */
export async function readSharedPageContent(
  records: RecordStore,
  link: SharedPageLink,
  lang: Language,
  submissionId: string,
): Promise<SharedPageContent | undefined> {
  const settings = (await getProjectSettings(records, link.projectId)).value;
  let report: ClientStatusReportJson;
  let asOf: string;
  let scope: SharedPageContent['scope'];
  if (link.scope.kind === 'live') {
    const snapshot = (await readSnapshot(records, link.projectId)).value;
    if (snapshot?.reportFormat !== STORED_REPORT_FORMAT) return undefined;
    // Live: the data as it is now, with only what the PM published of their edits.
    const [stored, published] = await Promise.all([
      readReports(records, snapshot),
      records.document(publishedDraftKind, link.projectId).get(),
    ]);
    report = asClientReport(renderStoredReport(toLiveReports(stored, published.value), 'client', lang));
    asOf = snapshot.asOf;
    scope = { kind: 'live' };
  } else {
    const published = await readPublishedReport(records, link.projectId, link.scope.reportId).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    if (published === undefined) return undefined;
    report = asClientReport(renderStoredReport(published.content, 'client', lang));
    asOf = published.head.asOf;
    scope = { kind: 'report', version: published.head.version, publishedAt: published.head.publishedAt };
  }
  const awaitingNow =
    link.scope.kind === 'live' && link.sections.includes('change-requests')
      ? (await listChangeRequests(records, link.projectId, { status: 'awaiting-client', limit: MAX_AWAITING_REQUESTS })).items
      : [];
  const acceptance =
    link.scope.kind === 'live' && link.sections.includes('acceptance')
      ? toSharedAcceptanceSection((await getAcceptance(records, link.projectId)).value, true)
      : undefined;
  const commitments = link.sections.includes('commitments')
    ? toSharedCommitmentsSection(settings, (await getEngagement(records, link.projectId)).value, lang)
    : undefined;
  return toSharedPageContent({
    report,
    scope,
    asOf,
    timeZone: settings.timeZone,
    sections: link.sections,
    awaitingNow,
    submissionId,
    ...(acceptance === undefined ? {} : { acceptance }),
    ...(commitments === undefined ? {} : { commitments }),
  });
}

function asClientReport(report: ReturnType<typeof renderStoredReport>): ClientStatusReportJson {
  if (report.audience !== 'client') throw new AppError('INTERNAL', 'The client report was asked for');
  return report;
}

async function view(deps: SharedPageDeps, link: SharedPageLink, request: WebTriggerRequest, lang: Language): Promise<SharedPageAnswer> {
  const submissionId = randomUUID();
  const content = await readSharedPageContent(deps.records, link, lang, submissionId);
  const format = pageFormat(request);
  const json = format === 'json';
  if (content === undefined) {
    const response = json ? jsonResponse(200, { lang, status: 'no-data' }) : htmlResponse(200, renderNoDataPage(lang));
    return { response, event: { kind: 'view', outcome: 'ok', detail: 'no-data' } };
  }
  return {
    response: json ? jsonResponse(200, content) : htmlResponse(200, renderSharedPage(content)),
    event: { kind: 'view', outcome: 'ok', ...(json ? { detail: 'json' } : {}) },
    reusable: { lang, format, nonce: submissionId },
  };
}

// ---------------------------------------------------------------------------------------------
// Acting

async function act(deps: SharedPageDeps, link: SharedPageLink, request: WebTriggerRequest, queryLang: Language): Promise<SharedPageAnswer> {
  const contentType = (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    return refusal(415, queryLang, 'invalid', shareWords(queryLang)('share.error.mediaType'), 'media-type');
  }
  const body = request.body ?? '';
  if (Buffer.byteLength(body) > MAX_FORM_BYTES) {
    return refusal(
      413,
      queryLang,
      'invalid',
      shareWords(queryLang)('share.error.invalid', { fields: fieldNames(['form'], queryLang) }),
      'too-large',
    );
  }
  const parsed = parseSharedPageForm(body);
  if (!parsed.ok) {
    const lang = parsed.lang ?? queryLang;
    if (parsed.kind === 'acceptance') {
      const fields = acceptanceFieldNames(parsed.fields, lang);
      return refusal(400, lang, 'decision', shareWords(lang)('share.error.invalid', { fields }), 'acceptance-bad-form');
    }
    return refusal(
      400,
      lang,
      parsed.kind,
      shareWords(lang)('share.error.invalid', { fields: fieldNames(parsed.fields, lang) }),
      'bad-form',
    );
  }
  const lang = parsed.form.lang ?? queryLang;
  if (parsed.form.kind === 'acceptance') return decideAcceptanceFromPage(deps, link, parsed.form, lang);
  return parsed.form.kind === 'feedback' ? submitFeedback(deps, link, parsed.form, lang) : decide(deps, link, parsed.form, lang);
}

/**
 * Feedback and decisions move the health the snapshot holds (satisfaction, scope): the project is
 * marked changed so the next refresh (the daily job queues one for a changed project) derives it
 * again. The web trigger may also refresh at once; the client's write is kept either way.
 */
async function markHealthStale(deps: SharedPageDeps, projectId: string): Promise<void> {
  await markProjectDirty(deps.records, projectId, deps.now).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
  // The client's write is kept whatever the queue says.
  await deps.requestRefresh?.(projectId).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
}

function fieldNames(fields: readonly FormField[], lang: Language): string {
  const s = shareWords(lang);
  const names = fields.map((field) => {
    switch (field) {
      case 'rating':
        return s('share.field.rating');
      case 'nps':
        return s('share.field.nps');
      case 'comment':
        return s('share.field.comment', { max: 2000 });
      case 'name':
        return s('share.field.name');
      case 'reason':
        return s('share.field.reason');
      case 'fixItems':
      case 'form':
        return s('share.field.form');
    }
  });
  return names.join(lang === 'zh-CN' ? '、' : ', ');
}

async function submitFeedback(deps: SharedPageDeps, link: SharedPageLink, form: FeedbackForm, lang: Language): Promise<SharedPageAnswer> {
  const s = shareWords(lang);
  if (!link.sections.includes('feedback-form')) return refusal(403, lang, 'feedback', s('share.error.notOffered'), 'not-offered');
  const reference = link.scope.kind === 'report' ? await reportReference(deps.records, link.projectId, link.scope.reportId) : null;
  const input = feedbackInputSchema.safeParse({
    rating: form.rating,
    nps: form.nps,
    comment: form.comment,
    source: 'status-page',
    submissionId: form.submissionId,
    reference,
  });
  if (!input.success) return refusal(400, lang, 'feedback', s('share.error.invalid', { fields: fieldNames(['form'], lang) }), 'bad-form');
  const { created } = await addFeedback(deps.records, link.projectId, input.data, deps.now.getTime());
  if (created) await markHealthStale(deps, link.projectId);
  return {
    response: htmlResponse(200, renderMessagePage(lang, s('share.done.feedback.title'), s('share.done.feedback.body'))),
    event: { kind: 'feedback', outcome: 'ok', detail: created ? 'created' : 'duplicate' },
  };
}

/** The published report the feedback is about, by its version; null if it does not read. */
async function reportReference(records: RecordStore, projectId: string, reportId: string) {
  const head = await records.collection(publishedReportKind, projectId).get(reportId);
  return head === undefined ? null : (feedbackReferenceSchema.safeParse({ kind: 'report', id: String(head.version) }).data ?? null);
}

async function decide(deps: SharedPageDeps, link: SharedPageLink, form: DecisionForm, lang: Language): Promise<SharedPageAnswer> {
  const s = shareWords(lang);
  if (link.scope.kind !== 'live' || !link.sections.includes('change-requests')) {
    return refusal(403, lang, 'decision', s('share.error.notOffered'), 'not-offered');
  }
  const stored = (await deps.records.collection(changeRequestKind, link.projectId).getRevisioned(form.changeRequestId)).value;
  // A request the team has not put to the client is not named: the same answer as an unknown id.
  if (stored === undefined || stored.status === 'proposed' || stored.status === 'assessing') {
    return refusal(404, lang, 'decision', s('share.error.notAwaiting'), 'not-awaiting');
  }
  if (stored.status !== 'awaiting-client') return refusal(409, lang, 'decision', s('share.error.decisionConflict'), 'decided');
  try {
    const decided = await transitionStoredChangeRequest(deps.records, link.projectId, {
      id: form.changeRequestId,
      revision: form.revision,
      to: form.decision,
      decider: `${form.name.slice(0, MAX_NAME_LENGTH)}${CLIENT_DECIDER_SUFFIX}`,
      reason: form.comment,
      now: deps.now.getTime(),
    });
    await markHealthStale(deps, link.projectId);
    const title = s(form.decision === 'approved' ? 'share.done.approved.title' : 'share.done.rejected.title', { title: decided.title });
    const body = s('share.done.decision.body', {
      time: reportDates(lang, { timeZone: (await getProjectSettings(deps.records, link.projectId)).value.timeZone }).instant(
        decided.updatedAt,
      ),
      name: form.name,
    });
    return {
      response: htmlResponse(200, renderMessagePage(lang, title, body)),
      event: { kind: 'decision', outcome: 'ok', detail: form.decision },
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'CONFLICT') return refusal(409, lang, 'decision', s('share.error.decisionConflict'), 'stale');
    if (error.code === 'NOT_FOUND') return refusal(404, lang, 'decision', s('share.error.notAwaiting'), 'not-awaiting');
    if (error.code === 'INVALID_PAYLOAD') {
      const fields: FormField[] = (error.fields ?? []).map((f) =>
        f.path === 'decider' ? 'name' : f.path === 'reason' ? 'reason' : 'form',
      );
      return refusal(
        400,
        lang,
        'decision',
        s('share.error.invalid', { fields: fieldNames(fields.length > 0 ? fields : ['form'], lang) }),
        'bad-form',
      );
    }
    throw error;
  }
}
