import type { Language } from '../../../contract/language';
import { RISK_REGISTER_MESSAGES } from '../../../contract/i18n/risk-register-messages';
import { translator } from '../../../contract/i18n/strings';
import type { RegisterRiskJson } from '../../../contract/risks';
import { promotedRiskId, toPromotedRisk, type PromotableSignal } from '../../domain/risk-register';
import { AppError } from '../app-error';
import { registerRiskKind } from '../records/record-kinds';
import { readReports, readSnapshot, STORED_REPORT_FORMAT } from '../snapshot/project-cache';
import type { RecordStore } from '../storage';

/**
 * The derived signals of the project's snapshot (DESIGN §5.4): blocked, flagged and high-risk
 * issues of the internal report, each issue once (blocked before flagged before high-risk), in
 * the report's order. No snapshot yet, or one an older app wrote (rebuilt when the page opens):
 * none, with `asOf` null.
 */
export async function readDerivedSignals(
  records: RecordStore,
  projectId: string,
): Promise<{ signals: PromotableSignal[]; asOf: string | null }> {
  const snapshot = (await readSnapshot(records, projectId)).value;
  if (snapshot?.reportFormat !== STORED_REPORT_FORMAT) return { signals: [], asOf: null };
  const { risks } = (await readReports(records, snapshot)).internal.sections;
  const byKey = new Map<string, PromotableSignal>();
  const scores = new Map(risks.topRisks.map((r) => [r.issue.key, r.score]));
  const add = (
    issue: { key: string; summary: string; assignee: string | null; due: string | null },
    reason: PromotableSignal['reason'],
    blockedBy: readonly string[],
  ) => {
    if (byKey.has(issue.key)) return;
    byKey.set(issue.key, {
      issueKey: issue.key,
      summary: issue.summary,
      reason,
      score: scores.get(issue.key) ?? null,
      blockedBy,
      assignee: issue.assignee,
      due: issue.due,
    });
  };
  for (const b of risks.blocked) add(b.issue, 'blocked', b.blockedBy);
  for (const f of risks.flagged) add(f, 'flagged', []);
  for (const r of risks.topRisks) if (r.level === 'high') add(r.issue, 'high-risk', []);
  return { signals: [...byKey.values()], asOf: snapshot.asOf };
}

/** The signals with the register risk promoted from each, if any (one read per signal; the report's lists are bounded). */
export async function listDerivedSignals(
  records: RecordStore,
  projectId: string,
): Promise<{ signals: (PromotableSignal & { promotedRiskId: string | null })[]; asOf: string | null }> {
  const { signals, asOf } = await readDerivedSignals(records, projectId);
  const store = records.collection(registerRiskKind, projectId);
  const promoted = await Promise.all(signals.map(async (s) => (await store.get(promotedRiskId(s.issueKey))) !== undefined));
  return { signals: signals.map((s, i) => ({ ...s, promotedRiskId: promoted[i] ? promotedRiskId(s.issueKey) : null })), asOf };
}

function triggerOf(signal: PromotableSignal, lang: Language): string {
  const t = translator(lang, RISK_REGISTER_MESSAGES);
  if (signal.reason === 'blocked') {
    return signal.blockedBy.length === 0
      ? t('riskRegister.trigger.blockedHidden')
      : t('riskRegister.trigger.blocked', { keys: signal.blockedBy.join(', ') });
  }
  if (signal.reason === 'flagged') return t('riskRegister.trigger.flagged');
  return t('riskRegister.trigger.highRisk', { score: signal.score ?? 0 });
}

/**
 * Promotes a derived signal into the register in one step: a risk prefilled from the issue
 * (`toPromotedRisk`), created once — its id comes from the issue key, so promoting the same issue
 * again (a double click, a second tab) answers the risk already there, `created` false.
 * @throws AppError NOT_FOUND when the issue is not a derived signal of the snapshot; storage errors as is.
 */
export async function promoteSignal(
  records: RecordStore,
  projectId: string,
  request: { issueKey: string; lang: Language; now: Date },
): Promise<{ risk: RegisterRiskJson; created: boolean }> {
  const store = records.collection(registerRiskKind, projectId);
  const id = promotedRiskId(request.issueKey);
  const existing = await store.get(id);
  if (existing) return { risk: existing, created: false };
  const signal = (await readDerivedSignals(records, projectId)).signals.find((s) => s.issueKey === request.issueKey);
  if (!signal) throw new AppError('NOT_FOUND', `${request.issueKey} is not a flagged, blocked or high-risk issue of the last refresh`);
  const at = request.now.toISOString();
  const risk: RegisterRiskJson = {
    ...toPromotedRisk(signal, triggerOf(signal, request.lang)),
    jiraIssueKey: null,
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
  if ((await store.add(risk)) === 'created') return { risk, created: true };
  const raced = await store.get(id);
  if (!raced) throw new AppError('STORAGE_UNAVAILABLE', 'The promoted risk could not be read back; try again');
  return { risk: raced, created: false };
}
