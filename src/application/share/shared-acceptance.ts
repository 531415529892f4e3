/**
 * The status page's Acceptance section (DESIGN.md §5.7, §6; issue 13): milestones awaiting the
 * client's acceptance with their checklist in client-safe form (work done as a percentage, each
 * standard met or not — never an issue key, a count of bugs or who submitted) and the release
 * notes; a form (no script) to accept or reject, a rejection listing what to fix.
 */
import type { AcceptanceRecordJson, AcceptanceSubmissionJson, AcceptanceState, StandardResultJson } from '../../../contract/acceptance';
import { ACCEPTANCE_MESSAGES } from '../../../contract/i18n/acceptance-messages';
import { translator } from '../../../contract/i18n/strings';
import type { Language } from '../../../contract/language';
import type { AccessEvent, SharedPageLink } from '../../../contract/share';
import { awaitingClient } from '../../domain/acceptance';
import { isAppError } from '../app-error';
import { AcceptanceRefused, decideAcceptance } from '../acceptance/acceptance';
import { markProjectDirty } from '../mark-project-dirty';
import { getProjectSettings } from '../project-settings';
import { reportDates, type ReportDates } from '../render/report-text';
import { html, type SafeHtml } from '../render/safe-html';
import type { RecordStore } from '../storage';
import { htmlResponse } from './http';
import { renderMessagePage, shareWords } from './render-shared-page';
import type { AcceptanceForm, FormField } from './shared-page-forms';

export const acceptanceWords = (lang: Language) => translator(lang, ACCEPTANCE_MESSAGES);
type AcceptanceWords = ReturnType<typeof acceptanceWords>;

/** How many recent decisions the page lists under the milestones awaiting the client. */
export const MAX_SHOWN_DECISIONS = 5;

/** A standard as the client reads it: what was agreed and whether it is met, no figure behind it. */
export type SharedStandard =
  | { kind: 'no-open-bugs-at-priority'; priorities: string[]; met: boolean | null }
  | { kind: 'max-open-bugs'; max: number; met: boolean | null }
  | { kind: 'text'; text: string; met: boolean | null };

export interface SharedAcceptance {
  id: string;
  milestone: string;
  submittedAt: string;
  /** Whole percent of the milestone's work done (null for an empty milestone). */
  percentDone: number | null;
  standards: SharedStandard[];
  /** Submitted although the checklist was not met. */
  withOpenItems: boolean;
  releaseNotes: string;
}

export interface SharedAcceptanceDecision {
  milestone: string;
  state: Exclude<AcceptanceState, 'submitted'>;
  by: string;
  at: string;
}

export interface SharedAcceptanceSection {
  awaiting: SharedAcceptance[];
  /** Whether the page offers the decision form (live links only). */
  decidable: boolean;
  /** The latest decisions, newest first. */
  decided: SharedAcceptanceDecision[];
}

function toSharedStandard(result: StandardResultJson): SharedStandard {
  const { standard, met } = result;
  switch (standard.kind) {
    case 'no-open-bugs-at-priority':
      return { kind: standard.kind, priorities: [...standard.priorities], met };
    case 'max-open-bugs':
      return { kind: standard.kind, max: standard.max, met };
    case 'text':
      return { kind: standard.kind, text: standard.text, met };
  }
}

/** The client-safe fields of a submission awaiting the client. */
export function toSharedAcceptance(submission: AcceptanceSubmissionJson): SharedAcceptance {
  const { checklist } = submission;
  return {
    id: submission.id,
    milestone: submission.milestone.name,
    submittedAt: submission.submittedAt,
    percentDone: checklist.issuesTotal === 0 ? null : Math.floor((checklist.issuesDone / checklist.issuesTotal) * 100),
    standards: checklist.standards.map(toSharedStandard),
    withOpenItems: submission.override,
    releaseNotes: submission.releaseNotes,
  };
}

/** The section's content from the stored record (pure). */
export function toSharedAcceptanceSection(record: AcceptanceRecordJson, decidable: boolean): SharedAcceptanceSection {
  const decided: SharedAcceptanceDecision[] = [];
  for (const s of record.submissions) {
    if (s.decision === null || s.state === 'submitted') continue;
    decided.push({ milestone: s.milestone.name, state: s.state, by: s.decision.by, at: s.decision.at });
  }
  decided.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    awaiting: awaitingClient(record).map(toSharedAcceptance),
    decidable,
    decided: decided.slice(0, MAX_SHOWN_DECISIONS),
  };
}

function describeStandard(standard: SharedStandard, a: AcceptanceWords): string {
  switch (standard.kind) {
    case 'no-open-bugs-at-priority':
      return a('acceptance.standard.no-open-bugs-at-priority', { priorities: standard.priorities.join(', ') });
    case 'max-open-bugs':
      return a('acceptance.standard.max-open-bugs', { max: standard.max });
    case 'text':
      return standard.text;
  }
}

function standardBadge(met: boolean | null, a: AcceptanceWords): SafeHtml {
  if (met === null) return html`<span class="badge grey">${a('acceptancePage.confirmed')}</span>`;
  return met
    ? html`<span class="badge green">${a('acceptancePage.met')}</span>`
    : html`<span class="badge red">${a('acceptancePage.notMet')}</span>`;
}

function decisionForm(item: SharedAcceptance, lang: Language, a: AcceptanceWords): SafeHtml {
  const id = `acc-${item.id}`;
  return html`<form method="post" class="noprint" data-acceptance-form="${item.id}">
    <input type="hidden" name="form" value="acceptance" /><input type="hidden" name="lang" value="${lang}" /><input
      type="hidden"
      name="submissionId"
      value="${item.id}"
    /><label for="${id}-name">${a('acceptancePage.name')}</label
    ><input type="text" id="${id}-name" name="name" required maxlength="200" autocomplete="name" /><label for="${id}-comment"
      >${a('acceptancePage.comment')}</label
    ><textarea id="${id}-comment" name="comment" maxlength="2000"></textarea><label for="${id}-fix">${a('acceptancePage.fixItems')}</label
    ><textarea id="${id}-fix" name="fixItems" maxlength="3300"></textarea
    ><button type="submit" name="decision" value="accepted">${a('acceptancePage.accept')}</button
    ><button type="submit" name="decision" value="rejected" class="secondary">${a('acceptancePage.reject')}</button>
  </form>`;
}

/** The release notes as written, one paragraph per line (bullets kept as the PM typed them). */
function releaseNotes(text: string, a: AcceptanceWords): SafeHtml {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length === 0
    ? html`<p class="muted">${a('acceptancePage.noNotes')}</p>`
    : html`<div class="notes">${lines.map((line) => html`<p>${line}</p>`)}</div>`;
}

/** The section's HTML, inside the page (`render-shared-page.ts` places it). */
export function renderAcceptanceSection(content: SharedAcceptanceSection, lang: Language, dates: ReportDates): SafeHtml {
  const a = acceptanceWords(lang);
  return html`<section aria-labelledby="acceptance">
    <h2 id="acceptance">${a('acceptancePage.title')}</h2>
    ${
      content.awaiting.length === 0
        ? html`<p class="muted">${a('acceptancePage.none')}</p>`
        : content.awaiting.map(
            (item) =>
              html`<div class="card" data-acceptance="${item.id}">
                <h3>${item.milestone}</h3>
                <p class="muted">${a('acceptancePage.submittedOn', { time: dates.instant(item.submittedAt) })}</p>
                ${item.withOpenItems ? html`<p class="waiting">${a('acceptancePage.openItems')}</p>` : null}
                <h4>${a('acceptancePage.checklist')}</h4>
                <ul>
                  <li>
                    ${
                      item.percentDone === 100 || item.percentDone === null
                        ? a('acceptancePage.allDone')
                        : a('acceptancePage.workDone', { percent: item.percentDone })
                    }
                  </li>
                  ${item.standards.map((s) => html`<li>${describeStandard(s, a)} ${standardBadge(s.met, a)}</li>`)}
                </ul>
                <h4>${a('acceptancePage.releaseNotes')}</h4>
                ${releaseNotes(item.releaseNotes, a)} ${content.decidable ? decisionForm(item, lang, a) : null}
              </div>`,
          )
    }${
      content.decided.length === 0
        ? null
        : html`<h3>${a('acceptancePage.decided')}</h3>
            <ul>
              ${content.decided.map(
                (d) =>
                  html`<li data-acceptance-decision="${d.state}">
                    ${d.milestone}
                    <span class="muted"
                      >·
                      ${a('acceptancePage.decidedLine', {
                        state: a(`acceptance.state.${d.state}`),
                        name: d.by,
                        time: dates.instant(d.at),
                      })}</span
                    >
                  </li>`,
              )}
            </ul>`
    }
  </section>`;
}

export interface AcceptanceAnswer {
  response: ReturnType<typeof htmlResponse>;
  event: AccessEvent;
}

function refusal(status: number, lang: Language, message: string, detail: string): AcceptanceAnswer {
  return {
    response: htmlResponse(status, renderMessagePage(lang, shareWords(lang)('share.error.title'), message)),
    event: { kind: 'decision', outcome: 'refused', detail: `acceptance-${detail}` },
  };
}

/** The names of the acceptance form's fields at fault, in the page's language. */
export function acceptanceFieldNames(fields: readonly FormField[], lang: Language): string {
  const a = acceptanceWords(lang);
  const names = fields.map((field) =>
    field === 'name'
      ? a('acceptancePage.field.name')
      : field === 'comment' || field === 'reason'
        ? a('acceptancePage.field.comment')
        : field === 'fixItems'
          ? a('acceptancePage.field.fixItems')
          : a('acceptancePage.field.form'),
  );
  return [...new Set(names)].join(lang === 'zh-CN' ? '、' : ', ');
}

/**
 * The client's decision posted from the page: only on a live link showing the section; a
 * submission not awaiting the client is 404 (unknown) or 409 (already decided). The project is
 * marked changed so the next report derivation reads the decision.
 */
export async function decideAcceptanceFromPage(
  deps: { records: RecordStore; now: Date },
  link: SharedPageLink,
  form: AcceptanceForm,
  lang: Language,
): Promise<AcceptanceAnswer> {
  const a = acceptanceWords(lang);
  if (link.scope.kind !== 'live' || !link.sections.includes('acceptance')) {
    return refusal(403, lang, shareWords(lang)('share.error.notOffered'), 'not-offered');
  }
  try {
    const decided = await decideAcceptance(deps.records, link.projectId, {
      submissionId: form.submissionId,
      accepted: form.decision === 'accepted',
      name: form.name,
      comment: form.comment,
      fixItems: form.decision === 'rejected' ? form.fixItems : [],
      now: deps.now,
    });
    await markProjectDirty(deps.records, link.projectId, deps.now).catch((error: unknown) => {
      if (!isAppError(error)) throw error;
    });
    const timeZone = (await getProjectSettings(deps.records, link.projectId)).value.timeZone;
    const title = a(form.decision === 'accepted' ? 'acceptancePage.done.accepted' : 'acceptancePage.done.rejected', {
      milestone: decided.milestone.name,
    });
    const body = a('acceptancePage.done.body', {
      time: reportDates(lang, { timeZone }).instant(decided.decision?.at ?? ''),
      name: form.name,
    });
    return {
      response: htmlResponse(200, renderMessagePage(lang, title, body)),
      event: { kind: 'decision', outcome: 'ok', detail: `acceptance-${form.decision}` },
    };
  } catch (error) {
    if (error instanceof AcceptanceRefused) {
      return error.refusal === 'decided'
        ? refusal(409, lang, a('acceptancePage.error.decided'), 'decided')
        : refusal(404, lang, a('acceptancePage.error.notAwaiting'), 'not-awaiting');
    }
    if (isAppError(error) && error.code === 'CONFLICT') return refusal(409, lang, a('acceptancePage.error.decided'), 'stale');
    if (isAppError(error) && error.code === 'INVALID_PAYLOAD') {
      return refusal(400, lang, shareWords(lang)('share.error.invalid', { fields: acceptanceFieldNames(['form'], lang) }), 'bad-form');
    }
    throw error;
  }
}
