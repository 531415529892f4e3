import { z } from 'zod';
import { riskLevelSchema, type RiskLevel } from '../../../contract/report';
import { AppError } from '../../application/app-error';
import type { RiskPropertyWriter } from '../../application/ports';
import type { JiraClient } from './jira-client';

/**
 * The issue property that mirrors an issue's risk, indexed by the manifest's
 * `jira:entityProperty` (`level` as `clientRiskLevel`, `score` as `clientRiskScore`), so that
 * JQL such as `clientRiskLevel = high` finds risky issues.
 */
export const RISK_PROPERTY_KEY = 'client-followup-risk';

/** The property's value: exactly the two indexed paths. */
export const riskPropertySchema = z.strictObject({
  level: riskLevelSchema,
  score: z.number().int().min(0).max(100),
});
export type RiskProperty = z.infer<typeof riskPropertySchema>;

/** Issue ids (`10042`) or keys (`ACME-42`): nothing else may reach the request path. */
const ISSUE_ID_OR_KEY = /^(?:\d+|[A-Z][A-Z0-9_]*-\d+)$/iu;

function issuePath(issueIdOrKey: string): string {
  if (!ISSUE_ID_OR_KEY.test(issueIdOrKey)) throw new AppError('INVALID_PAYLOAD', `Not an issue id or key: ${issueIdOrKey.slice(0, 40)}`);
  return `/rest/api/3/issue/${issueIdOrKey}/properties/${RISK_PROPERTY_KEY}`;
}

/**
 * Writes the risk property through a `JiraClient`: as the app in production (`asApp`, the
 * trigger has no user), so the write needs `write:jira-work` and the app's Edit Issues right.
 *
 * Rate limits: Jira allows about 20 writes per 2 s to one issue (429 with `RateLimit-Reason:
 * jira-per-issue-on-write`); the client retries a 429 after its `Retry-After`. The writer sends
 * exactly one request per call; skipping a write whose value has not changed is the caller's
 * job (it keeps the last value written), which also keeps an issue far below that limit.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/
 * @see https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 */
export class JiraIssuePropertyWriter implements RiskPropertyWriter {
  constructor(private readonly client: JiraClient) {}

  /**
   * Sets the issue's risk level and score (an open issue). Idempotent.
   * @throws AppError INVALID_PAYLOAD for a value outside the property's schema or a bad key;
   *   NOT_FOUND when the issue is gone; FORBIDDEN when the app may not edit it; RATE_LIMITED
   *   or JIRA_UNAVAILABLE when Jira keeps refusing.
   */
  async writeRisk(issueIdOrKey: string, risk: RiskProperty): Promise<void> {
    const value = riskPropertySchema.safeParse(risk);
    if (!value.success) throw new AppError('INVALID_PAYLOAD', `Not a risk property value: ${z.prettifyError(value.error).slice(0, 200)}`);
    await this.client.putJson(issuePath(issueIdOrKey), value.data);
  }

  /**
   * Removes the property: for a done issue, which has no risk (the domain scores open issues
   * only). Leaving its last value would keep a finished issue in `clientRiskLevel = high`;
   * writing a made-up level would claim an assessment that was not made. Without the property
   * the issue matches no `clientRiskLevel` value, only `clientRiskLevel IS EMPTY`. Idempotent:
   * a property already absent is not an error.
   * @throws AppError as `writeRisk`, except NOT_FOUND.
   */
  async deleteRisk(issueIdOrKey: string): Promise<void> {
    try {
      await this.client.delete(issuePath(issueIdOrKey));
    } catch (error) {
      // Jira answers 404 both for a missing property and a missing issue: either way, nothing to remove.
      if (error instanceof AppError && error.code === 'NOT_FOUND') return;
      throw error;
    }
  }
}

/** The property's value for an issue: its risk when open, none (delete) when done. */
export function toRiskProperty(risk: { level: RiskLevel; score: number } | null): RiskProperty | null {
  return risk === null ? null : { level: risk.level, score: Math.round(Math.min(100, Math.max(0, risk.score))) };
}
