import { describe, expect, it } from 'vitest';
import { LOCAL_ACCOUNTS, type LocalAccount } from './accounts';
import { generateDemoDatasets } from './demo-generator';
import { JiraEmulator } from './emulator';

const NOW = new Date('2026-06-12T08:00:00Z');
const { pm, outsider } = LOCAL_ACCOUNTS;

function givenEmulator() {
  return new JiraEmulator({ datasets: generateDemoDatasets({ now: NOW, seed: 7 }), now: () => NOW });
}

async function call(emulator: JiraEmulator, as: LocalAccount | 'app', path: string, body: unknown) {
  const request = new Request(`https://local.invalid${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  const response = await emulator.handle(request, as === 'app' ? {} : { accountId: as.accountId });
  return response.status;
}

describe('POST /rest/api/3/issue/{issueIdOrKey}/notify', () => {
  it('answers 204 and keeps what Jira would e-mail, to the listed users and the asked-for roles', async () => {
    const emulator = givenEmulator();
    const issue = emulator.datasets[0]?.issues[0];
    if (!issue) throw new Error('no issue');
    const reporter = (issue.fields['reporter'] as { accountId: string } | null)?.accountId;
    const status = await call(emulator, 'app', `/rest/api/3/issue/${issue.key}/notify`, {
      subject: 'Touchpoint overdue',
      textBody: 'Log it',
      to: { users: [{ accountId: pm.accountId }], reporter: true },
    });
    expect(status).toBe(204);
    expect(emulator.notifications).toEqual([
      {
        issueKey: issue.key,
        subject: 'Touchpoint overdue',
        textBody: 'Log it',
        to: [pm.accountId, ...(reporter && reporter !== pm.accountId ? [reporter] : [])],
        sentBy: expect.any(String) as string,
        at: NOW.toISOString(),
      },
    ]);
  });

  it('refuses a notification to nobody (400), and an issue the caller cannot see (404), keeping nothing', async () => {
    const emulator = givenEmulator();
    const key = emulator.datasets[0]?.issues[0]?.key ?? '';
    expect(await call(emulator, 'app', `/rest/api/3/issue/${key}/notify`, { subject: 'x', to: {} })).toBe(400);
    expect(await call(emulator, 'app', `/rest/api/3/issue/${key}/notify`, { subject: 3 })).toBe(400);
    expect(await call(emulator, outsider, `/rest/api/3/issue/${key}/notify`, { to: { users: [{ accountId: pm.accountId }] } })).toBe(404);
    expect(await call(emulator, 'app', '/rest/api/3/issue/NOPE-1/notify', { to: { users: [{ accountId: pm.accountId }] } })).toBe(404);
    expect(emulator.notifications).toEqual([]);
  });
});
