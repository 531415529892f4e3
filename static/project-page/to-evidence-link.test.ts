import { describe, expect, it } from 'vitest';
import { toEvidenceLink } from './to-evidence-link';

describe('toEvidenceLink', () => {
  it('is null without evidence', () => {
    expect(toEvidenceLink({ evidence: [] })).toBeNull();
    expect(toEvidenceLink({ evidence: [], evidenceCount: 0, evidenceJql: 'project = "ACME"' })).toBeNull();
  });

  it('keeps the report order and drops repeats', () => {
    expect(toEvidenceLink({ evidence: ['A-3', 'A-1', 'A-3'] })).toMatchObject({ keys: ['A-3', 'A-1'], total: 2, jql: null });
  });

  it('caps the keys a search opens but still counts them all', () => {
    expect(toEvidenceLink({ evidence: ['A-1', 'A-2', 'A-3', 'A-2'] }, 2)).toMatchObject({ keys: ['A-1', 'A-2'], total: 3, jql: null });
  });

  it("counts the measure's own issues, not the keys the stored report kept, and carries its JQL", () => {
    const keys = Array.from({ length: 50 }, (_, i) => `A-${String(i + 1)}`);
    const jql = 'project = "A" AND duedate < "2026-11-27" AND statusCategory != Done';
    expect(toEvidenceLink({ evidence: keys, evidenceCount: 64, evidenceJql: jql })).toMatchObject({ keys, total: 64, jql });
  });

  it('says which measure the issues are of, and the milestone a slip names', () => {
    const slip = { id: 'slipDays', whyCode: { params: { milestone: 'M2', target: '2026-12-06' } }, evidence: ['A-1'], evidenceCount: 64 };
    expect(toEvidenceLink(slip)).toMatchObject({ total: 64, measureId: 'slipDays', milestone: 'M2' });
    expect(toEvidenceLink({ id: 'overdueShare', whyCode: { params: { overdue: 3 } }, evidence: ['A-1'] })).toMatchObject({
      measureId: 'overdueShare',
      milestone: null,
    });
  });
});
