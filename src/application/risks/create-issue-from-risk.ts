import type { Language } from '../../../contract/language';
import { RISK_REGISTER_MESSAGES } from '../../../contract/i18n/risk-register-messages';
import { translator } from '../../../contract/i18n/strings';
import type { RegisterRiskJson } from '../../../contract/risks';
import { scoreRisk, toRiskLevel } from '../../domain/risk-register';
import { AppError, isAppError } from '../app-error';
import type { IssueWriter } from '../ports';
import { registerRiskKind, riskIssueClaimKind, type RiskIssueClaim } from '../records/record-kinds';
import type { RecordStore } from '../storage';

/** A claim with no issue key older than this was left by a conversion that died: it may be taken over. */
export const STALE_CLAIM_MS = 2 * 60_000;
/** Writing the key onto a risk being edited at the same moment retries this many times. */
const KEY_WRITE_ATTEMPTS = 5;
/**
 * Once Jira has created the issue its key must reach storage: each write is retried this many
 * times on a transient storage error (each try is itself the adapter's bounded retries), since
 * a key lost there would let a later conversion create a second issue.
 */
const KEY_PERSIST_ROUNDS = 4;

const isTransient = (error: unknown) => isAppError(error) && (error.code === 'RATE_LIMITED' || error.code === 'STORAGE_UNAVAILABLE');

async function persistently<T>(write: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isTransient(error) || round >= KEY_PERSIST_ROUNDS) throw error;
    }
  }
}

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
 * Converts a risk into a Jira issue, once: claim first, then create, then record the key.
 * The claim is one conditional write per risk, so of two clicks (two tabs, a retried request)
 * only one asks Jira; the other gets CONFLICT while Jira answers, and the key once it has. The
 * issue is created with the caller's rights (the writer is `asUser`), assigned to the risk's
 * owner when that is a Jira account, due on the mitigation's day, linking back to the risk. A
 * failed creation releases the claim; a claim left by a conversion that died (no key after
 * `STALE_CLAIM_MS`) is taken over, conditionally, by one caller only. Once Jira answers, the key
 * is written to the claim and then the risk, each retried on transient storage errors; a key on
 * the claim but not yet on the risk is copied over by the next call.
 * @throws AppError NOT_FOUND when there is no such risk; CONFLICT while another conversion of it
 *   runs; Jira's and storage's errors as is.
 */
export async function createIssueFromRisk(
  deps: { records: RecordStore; issues: IssueWriter },
  project: { id: string; key: string },
  request: { riskId: string; link: string; lang: Language; now: Date },
): Promise<{ issueKey: string; risk: RegisterRiskJson }> {
  const risks = deps.records.collection(registerRiskKind, project.id);
  const claims = deps.records.collection(riskIssueClaimKind, project.id);
  const risk = await risks.get(request.riskId);
  if (!risk) throw new AppError('NOT_FOUND', 'No such risk');
  if (risk.jiraIssueKey !== null) return { issueKey: risk.jiraIssueKey, risk };

  const claim: RiskIssueClaim = { riskId: risk.id, at: request.now.toISOString(), issueKey: null };
  if ((await claims.add(claim)) === 'exists') {
    const held = await claims.get(risk.id);
    // A key recorded on the claim but not yet on the risk: an earlier conversion stopped between the two writes.
    if (held?.issueKey) return { issueKey: held.issueKey, risk: await recordIssueKey(deps.records, project.id, risk.id, held.issueKey) };
    if (held && request.now.getTime() - Date.parse(held.at) < STALE_CLAIM_MS) {
      throw new AppError('CONFLICT', 'The Jira issue for this risk is being created');
    }
    if (held) await claims.replaceIf(claim, 'claimedAt', held.at);
    else if ((await claims.add(claim)) === 'exists') throw new AppError('CONFLICT', 'The Jira issue for this risk is being created');
  }

  let created: { key: string };
  try {
    created = await deps.issues.createIssue({
      projectKey: project.key,
      summary: risk.title,
      description: toRiskIssueDescription(risk, request.link, request.lang),
      assigneeAccountId: risk.ownerAccountId,
      dueDate: risk.due,
    });
  } catch (error) {
    await claims.delete(risk.id).catch(() => undefined);
    throw error;
  }
  await persistently(() => claims.put({ ...claim, issueKey: created.key }));
  return { issueKey: created.key, risk: await persistently(() => recordIssueKey(deps.records, project.id, risk.id, created.key)) };
}

/** Writes the key onto the risk as its next revision, re-reading when an edit lands in between. */
async function recordIssueKey(records: RecordStore, projectId: string, riskId: string, issueKey: string): Promise<RegisterRiskJson> {
  const risks = records.collection(registerRiskKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const current = await risks.get(riskId);
    if (!current) throw new AppError('NOT_FOUND', 'No such risk');
    if (current.jiraIssueKey === issueKey) return current;
    const updated: RegisterRiskJson = { ...current, jiraIssueKey: issueKey, revision: current.revision + 1 };
    try {
      await risks.replaceIf(updated, 'revision', current.revision);
      return updated;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= KEY_WRITE_ATTEMPTS) throw error;
    }
  }
}
