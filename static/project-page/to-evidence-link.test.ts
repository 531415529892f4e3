import { describe, expect, it } from 'vitest';
import { toEvidenceLink } from './to-evidence-link';

describe('toEvidenceLink', () => {
  it('is null without evidence', () => {
    expect(toEvidenceLink({ evidence: [] })).toBeNull();
    expect(toEvidenceLink({ evidence: [], evidenceCount: 0, evidenceJql: 'project = "ACME"' })).toBeNull();
  });

  it('keeps the report order and drops repeats', () => {
    expect(toEvidenceLink({ evidence: ['A-3', 'A-1', 'A-3'] })).toEqual({ keys: ['A-3', 'A-1'], total: 2, jql: null });
  });

  it('caps the keys a search opens but still counts them all', () => {
    expect(toEvidenceLink({ evidence: ['A-1', 'A-2', 'A-3', 'A-2'] }, 2)).toEqual({ keys: ['A-1', 'A-2'], total: 3, jql: null });
  });

  it("counts the measure's own issues, not the keys the stored report kept, and carries its JQL", () => {
    const keys = Array.from({ length: 50 }, (_, i) => `A-${String(i + 1)}`);
    const jql = 'project = "A" AND duedate < "2026-11-27" AND statusCategory != Done';
    expect(toEvidenceLink({ evidence: keys, evidenceCount: 64, evidenceJql: jql })).toEqual({ keys, total: 64, jql });
  });
});
