/**
 * The lessons learned (issue 13): a retro the PM records with the team and the client, kept as
 * one revisioned document; each agreed action may become a Jira issue once.
 */
import { EMPTY_RETRO, type RetroJson } from '../../../contract/closing';
import { CLOSING_MESSAGES } from '../../../contract/i18n/closing-messages';
import { translator } from '../../../contract/i18n/strings';
import type { Language } from '../../../contract/language';
import { AppError, isAppError } from '../app-error';
import { createIssueOnce, persistently, type CreateIssueDeps } from '../issues/create-issue-once';
import { retroKind } from '../records/record-kinds';
import type { RecordStore, Revisioned } from '../storage';

/**
 * The project's retro and its revision: the stored document, or an empty retro at revision 0.
 * @throws AppError STORAGE_UNAVAILABLE / RATE_LIMITED when storage cannot answer.
 */
export async function getRetro(records: RecordStore, projectId: string): Promise<Revisioned<RetroJson>> {
  const stored = await records.document(retroKind, projectId).get();
  return { value: stored.value ?? EMPTY_RETRO, revision: stored.revision };
}

/** `next` with each action's Jira key as stored: a key is the server's, made by `createRetroActionIssue`. */
function keepIssueKeys(next: RetroJson, stored: RetroJson): RetroJson {
  const keys = new Map(stored.actions.map((a) => [a.id, a.jiraIssueKey]));
  return { ...next, actions: next.actions.map((a) => ({ ...a, jiraIssueKey: keys.get(a.id) ?? null })) };
}

/**
 * Saves the retro if `revision` is the one stored.
 * @throws AppError CONFLICT when someone saved since `revision` was read.
 */
export async function saveRetro(
  records: RecordStore,
  projectId: string,
  retro: RetroJson,
  revision: number,
): Promise<Revisioned<RetroJson>> {
  const document = records.document(retroKind, projectId);
  const stored = await document.get();
  if (stored.revision !== revision) throw new AppError('CONFLICT', 'Someone changed the lessons learned since you opened them');
  return document.save(keepIssueKeys(retro, stored.value ?? EMPTY_RETRO), revision).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'CONFLICT')
      throw new AppError('CONFLICT', 'Someone changed the lessons learned since you opened them');
    throw error;
  });
}

const SAVE_ATTEMPTS = 5;

/** What the issue of a retro action is made from: the claim's subject. */
export function retroActionSubject(actionId: string): string {
  return `retro-action/${actionId}`;
}

function toDescription(text: string, lang: Language): unknown {
  const t = translator(lang, CLOSING_MESSAGES);
  return {
    type: 'doc',
    version: 1,
    content: [
      { type: 'paragraph', content: [{ type: 'text', text }] },
      { type: 'paragraph', content: [{ type: 'text', text: `${t('closing.retro.heading')} — ${t('closing.retro.actions')}` }] },
    ],
  };
}

/**
 * Turns a retro action into a Jira issue, once (`createIssueOnce`), as the caller, with the
 * action's due date, and stores its key on the action. An action that has one answers it.
 * @throws AppError NOT_FOUND when the retro has no such action; CONFLICT when another request
 *   holds the claim past the wait; Jira's errors as is.
 */
export async function createRetroActionIssue(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { actionId: string; lang: Language },
): Promise<{ issueKey: string; retro: Revisioned<RetroJson> }> {
  const findAction = async () => {
    const retro = await getRetro(deps.records, project.id);
    const action = retro.value.actions.find((a) => a.id === request.actionId);
    if (!action) throw new AppError('NOT_FOUND', 'No such action in the lessons learned');
    return { retro, action };
  };
  const first = await findAction();
  if (first.action.jiraIssueKey !== null) return { issueKey: first.action.jiraIssueKey, retro: first.retro };
  const issueKey = await createIssueOnce(deps, project, {
    subject: retroActionSubject(request.actionId),
    recorded: async () => (await findAction()).action.jiraIssueKey,
    build: async () => {
      const { action } = await findAction();
      return {
        summary: action.text.split('\n')[0] ?? action.text,
        description: toDescription(action.text, request.lang),
        assigneeAccountId: null,
        dueDate: action.due,
      };
    },
  });
  // Record the key on the action, conditional on the revision read: an edit in between is kept.
  return persistently(async () => {
    for (let attempt = 1; ; attempt += 1) {
      const { retro } = await findAction();
      const next = {
        ...retro.value,
        actions: retro.value.actions.map((a) => (a.id === request.actionId ? { ...a, jiraIssueKey: issueKey } : a)),
      };
      try {
        return { issueKey, retro: await deps.records.document(retroKind, project.id).save(next, retro.revision) };
      } catch (error) {
        if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  });
}
