import { describe, expect, it } from 'vitest';
import { aPlan, aTouchpoint, anActionItem } from '../../../test/support/comms-builders';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { AppError } from '../app-error';
import type { IssueWriter, NewIssue } from '../ports';
import { CLAIM_LEASE_MS, CLAIM_WAIT_MS, toIssueMarker } from '../issues/create-issue-once';
import { issueClaimKind, touchpointKind } from '../records/record-kinds';
import { saveCommsPlan } from './comms-plan';
import { actionItemSubject, createIssueFromActionItem } from './create-issue-from-action-item';
import { logTouchpoint } from './touchpoint-log';

const PROJECT = { id: '10000', key: 'ACME' };
const REQUEST = { touchpointId: 't1', actionItemId: 'a1', link: 'https://example.test/x', lang: 'en' as const };
const NOW = new Date('2026-01-12T10:00:00.000Z');

/** A Jira stand-in that answers after the caller yields, as a real call would, and can lose its answer. */
class SlowIssueWriter implements IssueWriter {
  readonly issues: (NewIssue & { key: string })[] = [];
  loseNextAnswer = false;

  async createIssue(issue: NewIssue): Promise<{ key: string }> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const key = `ACME-${String(100 + this.issues.length)}`;
    this.issues.push({ ...issue, key });
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new AppError('JIRA_UNAVAILABLE', 'timed out after Jira created it');
    }
    return { key };
  }

  findIssueByLabel(projectKey: string, label: string): Promise<string | null> {
    const found = this.issues.find((i) => i.projectKey === projectKey && (i.labels ?? []).includes(label));
    return Promise.resolve(found?.key ?? null);
  }

  notify(): Promise<void> {
    return Promise.resolve();
  }
}

async function given() {
  const records = new InMemoryRecordStore();
  await saveCommsPlan(records, PROJECT.id, aPlan(), 0);
  await logTouchpoint(records, PROJECT.id, aTouchpoint({ actionItems: [anActionItem()] }));
  const issues = new SlowIssueWriter();
  let now = NOW.getTime();
  const deps = {
    records,
    issues,
    clock: { now: () => new Date(now) },
    // Waiting moves the clock, so a claim held for ever ends in CONFLICT, not a hung test.
    sleep: async (ms: number) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      now += ms;
    },
  };
  const storedItem = async () => (await records.collection(touchpointKind, PROJECT.id).get('t1'))?.actionItems[0];
  return { records, issues, deps, storedItem };
}

describe('createIssueFromActionItem', () => {
  it('given two clicks at once, creates exactly one Jira issue and both answer its key', async () => {
    const { issues, deps, storedItem } = await given();

    const answers = await Promise.all([
      createIssueFromActionItem(deps, PROJECT, REQUEST),
      createIssueFromActionItem(deps, PROJECT, REQUEST),
    ]);

    expect(issues.issues).toHaveLength(1);
    expect(answers.map((a) => a.issueKey)).toEqual(['ACME-100', 'ACME-100']);
    expect((await storedItem())?.jiraIssueKey).toBe('ACME-100');
    const label = toIssueMarker(PROJECT.id, actionItemSubject('t1', 'a1')).label;
    expect(issues.issues[0]?.labels).toEqual([label]);
  });

  it('given five concurrent clicks, still one issue', async () => {
    const { issues, deps } = await given();
    const answers = await Promise.all(Array.from({ length: 5 }, () => createIssueFromActionItem(deps, PROJECT, REQUEST)));
    expect(issues.issues).toHaveLength(1);
    expect(new Set(answers.map((a) => a.issueKey))).toEqual(new Set(['ACME-100']));
  });

  it('given Jira created the issue but the answer was lost, the retry finds it by its label instead of creating another', async () => {
    const { issues, deps, storedItem } = await given();
    issues.loseNextAnswer = true;
    await expect(createIssueFromActionItem(deps, PROJECT, REQUEST)).rejects.toMatchObject({ code: 'JIRA_UNAVAILABLE' });
    expect((await storedItem())?.jiraIssueKey).toBeNull();

    const retry = await createIssueFromActionItem(deps, PROJECT, REQUEST);

    expect(retry.issueKey).toBe('ACME-100');
    expect(issues.issues).toHaveLength(1);
    expect((await storedItem())?.jiraIssueKey).toBe('ACME-100');
  });

  it('given an attempt that died after creating the issue (claim left, key not recorded), a retry after the lease records that issue', async () => {
    const { records, issues, deps, storedItem } = await given();
    const marker = toIssueMarker(PROJECT.id, actionItemSubject('t1', 'a1'));
    await issues.createIssue({
      projectKey: 'ACME',
      summary: 'x',
      description: null,
      assigneeAccountId: null,
      dueDate: null,
      labels: [marker.label],
    });
    const claimedAt = new Date(NOW.getTime() - CLAIM_LEASE_MS - 1).toISOString();
    await records
      .collection(issueClaimKind, PROJECT.id)
      .save({ id: marker.claimId, subject: actionItemSubject('t1', 'a1'), claimedAt, attempt: 1, label: marker.label, issueKey: null }, 0);

    const answer = await createIssueFromActionItem(deps, PROJECT, REQUEST);

    expect(answer.issueKey).toBe('ACME-100');
    expect(issues.issues).toHaveLength(1);
    expect((await storedItem())?.jiraIssueKey).toBe('ACME-100');
  });

  it('given a live claim of another request that never finishes, answers CONFLICT after the wait and creates nothing', async () => {
    const { records, issues, deps } = await given();
    const marker = toIssueMarker(PROJECT.id, actionItemSubject('t1', 'a1'));
    await records.collection(issueClaimKind, PROJECT.id).save(
      {
        id: marker.claimId,
        subject: actionItemSubject('t1', 'a1'),
        claimedAt: NOW.toISOString(),
        attempt: 1,
        label: marker.label,
        issueKey: null,
      },
      0,
    );
    expect(CLAIM_WAIT_MS).toBeLessThan(CLAIM_LEASE_MS);

    await expect(createIssueFromActionItem(deps, PROJECT, REQUEST)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(issues.issues).toHaveLength(0);
  });

  it('given the item already has an issue, answers it and creates nothing', async () => {
    const { issues, deps } = await given();
    await createIssueFromActionItem(deps, PROJECT, REQUEST);
    const again = await createIssueFromActionItem(deps, PROJECT, REQUEST);
    expect(again.issueKey).toBe('ACME-100');
    expect(issues.issues).toHaveLength(1);
  });
});
