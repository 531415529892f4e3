/**
 * The issue writer and the user directory on the emulator as a user (`asUser`): the label an
 * action item's issue is created with finds it again, and the user picker finds site users.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { generateDemoDatasets } from '../../local/jira/demo-generator';
import { JiraEmulator } from '../../local/jira/emulator';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import { JiraIssueWriter } from '../../src/adapters/jira/jira-issue-writer';
import { JiraUserDirectory } from '../../src/adapters/jira/jira-user-directory';

const NOW = new Date('2026-06-12T08:00:00Z');

function givenClient(accountId: string = LOCAL_ACCOUNTS.pm.accountId) {
  const datasets = generateDemoDatasets({ now: NOW, seed: 7 });
  const emulator = new JiraEmulator({ datasets, now: () => NOW });
  const client = new JiraClient({
    transport: (path, init) => emulator.handle(new Request(`https://local.invalid${path}`, init), { accountId }),
    policy: RETRY_POLICIES.resolver,
    sleep: () => Promise.resolve(),
    random: () => 0.5,
  });
  const projectKey = datasets[0]?.project.key ?? '';
  return { client, projectKey };
}

describe('JiraIssueWriter.findIssueByLabel', () => {
  it('finds the issue created with the label, and none for another label', async () => {
    const { client, projectKey } = givenClient();
    const writer = new JiraIssueWriter(client);
    const label = 'client-followup-0123456789abcdef';
    const created = await writer.createIssue({
      projectKey,
      summary: 'Send the test plan',
      description: { type: 'doc', version: 1, content: [] },
      assigneeAccountId: null,
      dueDate: null,
      labels: [label],
    });
    expect(await writer.findIssueByLabel(projectKey, label)).toBe(created.key);
    expect(await writer.findIssueByLabel(projectKey, 'client-followup-ffffffffffffffff')).toBeNull();
  });

  it('refuses a label or project key that could change the JQL', async () => {
    const { client, projectKey } = givenClient();
    const writer = new JiraIssueWriter(client);
    await expect(writer.findIssueByLabel(projectKey, 'x" OR labels != "y')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(writer.findIssueByLabel('ACME" OR "1"="1', 'client-followup-1')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });
});

describe('JiraUserDirectory', () => {
  it('finds site users by a name prefix, as display name and account id', async () => {
    const { client } = givenClient();
    const users = await new JiraUserDirectory(client).findUsers('vera', 10);
    expect(users).toEqual([{ accountId: LOCAL_ACCOUNTS.viewer.accountId, displayName: LOCAL_ACCOUNTS.viewer.displayName }]);
  });
});
