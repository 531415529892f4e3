import { describe, expect, it } from 'vitest';
import { clientStatusReportSchema, issueRiskViewSchema, statusReportSchema } from '../../contract';
import { anIssueRiskView } from './issue-risk-view-builder';
import { aClientStatusReport, aStatusReport } from './status-report-builder';

describe('test-data builders', () => {
  it('build reports the contract accepts, for both audiences', () => {
    expect(statusReportSchema.safeParse(aStatusReport()).success).toBe(true);
    expect(clientStatusReportSchema.safeParse(aClientStatusReport()).success).toBe(true);
    // Neither passes for the other.
    expect(statusReportSchema.safeParse(aClientStatusReport()).success).toBe(false);
    expect(clientStatusReportSchema.safeParse(aStatusReport()).success).toBe(false);
  });

  it('build an issue risk view the contract accepts', () => {
    expect(issueRiskViewSchema.safeParse(anIssueRiskView()).success).toBe(true);
    expect(issueRiskViewSchema.safeParse(anIssueRiskView({ risk: null, blockedBy: [] })).success).toBe(true);
  });
});
