import type { Language } from '../../../contract/language';
import { RISK_REGISTER_MESSAGES } from '../../../contract/i18n/risk-register-messages';
import { translator } from '../../../contract/i18n/strings';
import type { RegisterRiskJson } from '../../../contract/risks';
import { scoreRisk, toRiskLevel } from '../../domain/risk-register';
import { AppError, isAppError } from '../app-error';
import { createIssueOnce, persistently, type CreateIssueDeps } from '../issues/create-issue-once';
import { registerRiskKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

/** Writing the key onto a risk being edited at the same moment retries this many times. */
const KEY_WRITE_ATTEMPTS = 5;

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** The new issue's description as ADF: the risk's rating, owner, mitigation, trigger and due date, and a link back to it in the app. */
export function toRiskIssueDescription(risk: RegisterRiskJson, link: string, lang: Language): unknown {
  const t = translator(lang, RISK_REGISTER_MESSAGES);
  const score = scoreRisk(risk);
  const content: unknown[] = [];
  if (risk.description !== '') content.push(paragraph(text(risk.description)));
  content.push(paragraph(text(t('riskRegister.issue.fromRisk'))));
  content.push(
    paragraph(
      text(
        t('riskRegister.issue.rating', {
          probability: risk.probability,
          impact: risk.impact,
          score,
          level: t(`riskRegister.level.${toRiskLevel(score)}`),
        }),
      ),
    ),
  );
  if (risk.ownerName !== '') content.push(paragraph(text(t('riskRegister.issue.owner', { owner: risk.ownerName }))));
  if (risk.mitigation !== '') content.push(paragraph(text(t('riskRegister.issue.mitigation', { mitigation: risk.mitigation }))));
  if (risk.trigger !== '') content.push(paragraph(text(t('riskRegister.issue.trigger', { trigger: risk.trigger }))));
  if (risk.due !== null) content.push(paragraph(text(t('riskRegister.issue.due', { due: risk.due }))));
  content.push(paragraph(text(t('riskRegister.issue.openInApp'), [{ type: 'link', attrs: { href: link } }])));
  return { type: 'doc', version: 1, content };
}

/**
 * Converts a risk into a Jira issue, once (`createIssueOnce`: double clicks, lost answers and
 * dead attempts make one issue), created with the caller's rights (the writer is `asUser`),
 * assigned to the risk's owner when that is a Jira account, due on the mitigation's day,
 * linking back to the risk; the key is then written onto the risk as its next revision.
 * @throws AppError NOT_FOUND when there is no such risk; CONFLICT while another conversion of it
 *   runs; Jira's and storage's errors as is.
 */
export async function createIssueFromRisk(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { riskId: string; link: string; lang: Language },
): Promise<{ issueKey: string; risk: RegisterRiskJson }> {
  const risks = deps.records.collection(registerRiskKind, project.id);
  const risk = await risks.get(request.riskId);
  if (!risk) throw new AppError('NOT_FOUND', 'No such risk');
  if (risk.jiraIssueKey !== null) return { issueKey: risk.jiraIssueKey, risk };
  const issueKey = await createIssueOnce(deps, project, {
    subject: `risk/${risk.id}`,
    recorded: async () => (await risks.get(risk.id))?.jiraIssueKey ?? null,
    build: async () => {
      const latest = (await risks.get(risk.id)) ?? risk;
      return {
        summary: latest.title,
        description: toRiskIssueDescription(latest, request.link, request.lang),
        assigneeAccountId: latest.ownerAccountId,
        dueDate: latest.due,
      };
    },
  });
  return { issueKey, risk: await persistently(() => recordIssueKey(deps.records, project.id, risk.id, issueKey)) };
}

/** Writes the key onto the risk as its next revision, re-reading when an edit lands in between. */
async function recordIssueKey(records: RecordStore, projectId: string, riskId: string, issueKey: string): Promise<RegisterRiskJson> {
  const risks = records.collection(registerRiskKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const current = await risks.getRevisioned(riskId);
    if (!current.value) throw new AppError('NOT_FOUND', 'No such risk');
    if (current.value.jiraIssueKey === issueKey) return current.value;
    const updated: RegisterRiskJson = { ...current.value, jiraIssueKey: issueKey, revision: current.revision + 1 };
    try {
      await risks.save(updated, current.revision);
      return updated;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= KEY_WRITE_ATTEMPTS) throw error;
    }
  }
}
