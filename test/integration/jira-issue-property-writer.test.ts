import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemoDatasets } from '../../local/jira/demo-generator';
import { JiraEmulator, PER_ISSUE_WRITE_LIMIT, type JiraFaultPlan } from '../../local/jira/emulator';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import {
  JiraIssuePropertyWriter,
  RISK_PROPERTY_KEY,
  toRiskProperty,
  type RiskProperty,
} from '../../src/adapters/jira/jira-issue-property-writer';

const NOW = new Date('2026-06-12T08:00:00Z');

/**
 * The writer on the emulator as the app (`asApp`), with simulated time: the client's waits
 * advance the same clock the emulator's rate windows read.
 */
function givenWriter(options: { faults?: JiraFaultPlan } = {}) {
  const clock = { ms: 100_000 };
  const emulator = new JiraEmulator({
    datasets: generateDemoDatasets({ now: NOW, seed: 7 }),
    now: () => NOW,
    monotonicNow: () => clock.ms,
    issueProperties: [
      { propertyKey: RISK_PROPERTY_KEY, path: 'level', type: 'string', searchAlias: 'clientRiskLevel' },
      { propertyKey: RISK_PROPERTY_KEY, path: 'score', type: 'number', searchAlias: 'clientRiskScore' },
    ],
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const waits: number[] = [];
  const client = new JiraClient({
    transport: (path, init) => emulator.handle(new Request(`https://local.invalid${path}`, init)),
    policy: RETRY_POLICIES.consumer,
    sleep: (ms) => {
      waits.push(ms);
      clock.ms += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
    monotonicNow: () => clock.ms,
  });
  const read = async (path: string) => {
    const response = await emulator.handle(new Request(`https://local.invalid${path}`), { asHost: true });
    return { status: response.status, body: await response.json() };
  };
  const stored = async (key: string) => {
    const { status, body } = await read(`/rest/api/3/issue/${key}/properties/${RISK_PROPERTY_KEY}`);
    return status === 404 ? undefined : z.object({ value: z.unknown() }).parse(body).value;
  };
  const found = async (jql: string) =>
    z
      .object({ issues: z.array(z.looseObject({ key: z.string() })) })
      .parse((await read(`/rest/api/3/search/jql?${new URLSearchParams({ jql, fields: 'key' }).toString()}`)).body)
      .issues.map((i) => i.key);
  return { writer: new JiraIssuePropertyWriter(client), emulator, clock, waits, stored, found };
}

describe('JiraIssuePropertyWriter', () => {
  it('writes level and score to the indexed property, so JQL by alias finds the issue', async () => {
    const { writer, stored, found } = givenWriter();
    await writer.writeRisk('ACME-3', { level: 'high', score: 85 });
    await writer.writeRisk('ACME-9', { level: 'medium', score: 45 });
    await writer.writeRisk('ACME-9', { level: 'high', score: 62 });
    expect(await stored('ACME-3')).toEqual({ level: 'high', score: 85 });
    expect(await stored('ACME-9')).toEqual({ level: 'high', score: 62 });
    expect(await found('project = ACME AND clientRiskLevel = high ORDER BY key ASC')).toEqual(['ACME-3', 'ACME-9']);
    expect(await found('project = ACME AND clientRiskScore >= 80')).toEqual(['ACME-3']);
  });

  it('deletes the property of a done issue, which then matches no level; deleting twice is fine', async () => {
    const { writer, stored, found } = givenWriter();
    await writer.writeRisk('ACME-3', { level: 'high', score: 85 });
    await writer.deleteRisk('ACME-3');
    await writer.deleteRisk('ACME-3');
    expect(await stored('ACME-3')).toBeUndefined();
    expect(await found('project = ACME AND clientRiskLevel = high')).toEqual([]);
    expect(await found('key = ACME-3 AND clientRiskLevel IS EMPTY')).toEqual(['ACME-3']);
  });

  it.each<[string, RiskProperty]>([
    ['an unknown level', { level: 'severe' as RiskProperty['level'], score: 10 }],
    ['a score above 100', { level: 'high', score: 101 }],
    ['a fractional score', { level: 'low', score: 1.5 }],
    ['an extra key', { level: 'low', score: 1, note: 'x' } as RiskProperty],
  ])('refuses %s without calling Jira', async (_what, value) => {
    const { writer, emulator } = givenWriter();
    await expect(writer.writeRisk('ACME-3', value)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(emulator.stats().totalCalls).toBe(0);
  });

  it.each(['ACME-3/../../myself', 'ACME 3', '', '../10001'])('refuses the issue key %j without calling Jira', async (key) => {
    const { writer, emulator } = givenWriter();
    await expect(writer.writeRisk(key, { level: 'low', score: 1 })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(writer.deleteRisk(key)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(emulator.stats().totalCalls).toBe(0);
  });

  it('says NOT_FOUND for an issue that does not exist', async () => {
    const { writer } = givenWriter();
    await expect(writer.writeRisk('ACME-99999', { level: 'low', score: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("waits out Jira's per-issue write limit (429, Retry-After) and then writes", async () => {
    const { writer, emulator, clock, waits, stored } = givenWriter();
    // Someone else has just used up the issue's writes.
    for (let i = 0; i < PER_ISSUE_WRITE_LIMIT.writes; i++) {
      clock.ms += 10;
      const response = await emulator.handle(
        new Request(`https://local.invalid/rest/api/3/issue/ACME-3/properties/other`, { method: 'PUT', body: String(i) }),
      );
      expect(response.status).toBeLessThan(300);
    }
    await writer.writeRisk('ACME-3', { level: 'high', score: 90 });
    // The oldest write leaves the window 1 810 ms later: Jira says "2" seconds, then takes the write.
    expect(waits).toEqual([2000]);
    expect(await stored('ACME-3')).toEqual({ level: 'high', score: 90 });
    expect(emulator.stats().byEndpoint['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}']?.calls).toBe(
      PER_ISSUE_WRITE_LIMIT.writes + 2,
    );
  });

  it('retries injected 429s after their Retry-After until the write goes through', async () => {
    const { writer, waits, stored } = givenWriter({ faults: { rateLimitShare: 0.6, retryAfterSeconds: 2, seed: 3 } });
    await writer.writeRisk('ACME-5', { level: 'low', score: 12 });
    await writer.deleteRisk('ACME-6');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms === 2000)).toBe(true);
    expect(await stored('ACME-5')).toEqual({ level: 'low', score: 12 });
  });

  it('gives up with RATE_LIMITED when Jira keeps refusing', async () => {
    const { writer } = givenWriter({ faults: { rateLimitShare: 1, retryAfterSeconds: 1 } });
    await expect(writer.writeRisk('ACME-5', { level: 'low', score: 12 })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('toRiskProperty', () => {
  it('keeps an open issue risk as level and a whole score in 0..100; none for a done issue', () => {
    expect(toRiskProperty({ level: 'medium', score: 44.6 })).toEqual({ level: 'medium', score: 45 });
    expect(toRiskProperty({ level: 'high', score: 130 })).toEqual({ level: 'high', score: 100 });
    expect(toRiskProperty(null)).toBeNull();
  });
});
