/** Builders for acceptance tests: submissions stored as the use cases store them. */
import type { AcceptanceSubmissionJson } from '../../contract/acceptance';
import { acceptanceKind } from '../../src/application/records/record-kinds';
import type { RecordStore } from '../../src/application/storage';

export function aSubmission(overrides: Partial<AcceptanceSubmissionJson> = {}): AcceptanceSubmissionJson {
  return {
    id: 'sub-1',
    milestone: { id: '100', name: 'Beta' },
    submittedAt: '2026-03-09T10:00:00.000Z',
    submittedBy: 'pm-account',
    checklist: {
      issuesTotal: 4,
      issuesDone: 3,
      openIssues: ['ACME-9'],
      standards: [
        { standard: { id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] }, met: true, failing: [], failingCount: 0 },
        { standard: { id: 'q2', kind: 'text', text: 'Accessibility audit passed' }, met: null, failing: [], failingCount: 0 },
      ],
      ready: false,
    },
    override: true,
    releaseNotes: '- Export to CSV (ACME-2)',
    state: 'submitted',
    decision: null,
    ...overrides,
  };
}

/** The project's acceptance document holding `submissions` (newest first), written at its next revision. */
export async function givenSubmissions(records: RecordStore, projectId: string, submissions: AcceptanceSubmissionJson[]): Promise<void> {
  const document = records.document(acceptanceKind, projectId);
  await document.save({ submissions }, (await document.get()).revision);
}

/**
 * Submissions carrying `vectors` in every text the status page shows of them: milestone names,
 * release notes, written standards, priorities, and the deciders' names of decided ones.
 */
export function hostileSubmissions(vectors: readonly string[]): AcceptanceSubmissionJson[] {
  const v = (n: number) => vectors[n % vectors.length] ?? '';
  const awaiting = Array.from({ length: 5 }, (_, n) =>
    aSubmission({
      id: `acc-${String(n)}`,
      milestone: { id: String(200 + n), name: v(n + 80) },
      releaseNotes: vectors.slice(n * 4, n * 4 + 4).join('\n'),
      checklist: {
        issuesTotal: 2,
        issuesDone: 1,
        openIssues: [],
        standards: [
          {
            standard: { id: 'q1', kind: 'no-open-bugs-at-priority', priorities: [v(n + 90).slice(0, 100) || 'x'] },
            met: false,
            failing: [],
            failingCount: 0,
          },
          { standard: { id: 'q2', kind: 'text', text: v(n + 95).slice(0, 500) || 'x' }, met: null, failing: [], failingCount: 0 },
        ],
        ready: false,
      },
    }),
  );
  const decided = Array.from({ length: 5 }, (_, n) =>
    aSubmission({
      id: `acc-d${String(n)}`,
      milestone: { id: String(300 + n), name: v(n + 85) },
      state: n % 2 === 0 ? 'accepted' : 'rejected',
      decision: {
        by: `${v(n + 100).slice(0, 200) || 'x'} (client via status page)`,
        at: '2026-03-09T12:00:00.000Z',
        comment: v(n + 105),
        fixItems: n % 2 === 0 ? [] : [{ id: 'fix-1', text: v(n + 110).slice(0, 300) || 'x', jiraIssueKey: null }],
      },
    }),
  );
  return [...awaiting, ...decided];
}
