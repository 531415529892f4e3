/**
 * The status page's Acceptance section and form (issue 13) over an in-memory store: what the
 * client is shown (client-safe: no issue key of the checklist, no account, no bug count), the
 * form's rules (a rejection needs a comment, at most 10 fix items), the page's refusals, and
 * hostile values in any field: a 4xx page that echoes nothing, or a decision; never a 5xx.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { acceptanceKind } from '../../src/application/records/record-kinds';
import { serveSharedPage } from '../../src/application/share/serve-shared-page';
import type { SharedPageContent } from '../../src/application/share/shared-page-content';
import type { RecordStore } from '../../src/application/storage';
import { aMilestone, anIssue, aProject, settingsWith } from '../../src/domain/testing/builders';
import { aSubmission, givenSubmissions } from '../support/acceptance-builders';
import { hostileValues } from '../support/hostile-payloads';
import { aFormPost, aLink, aView, givenSnapshot } from '../support/shared-page-builders';

const NOW = new Date('2026-03-10T12:00:00Z');

async function givenAwaiting(): Promise<RecordStore> {
  const records = new InMemoryRecordStore();
  await givenSnapshot(
    records,
    aProject({
      issues: [anIssue({ key: 'ACME-2', labels: ['client'], fixVersions: ['100'] })],
      milestones: [aMilestone({ id: '100', name: 'Beta' })],
    }),
    settingsWith({}),
    NOW.getTime(),
  );
  await givenSubmissions(records, '1', [aSubmission()]);
  return records;
}
const serve = (records: RecordStore, request = aView(), link = aLink()) => serveSharedPage({ records, now: NOW }, link, request);
const stored = async (records: RecordStore) => JSON.stringify(await records.document(acceptanceKind, '1').get());
const valid = { form: 'acceptance', submissionId: 'sub-1', decision: 'rejected', name: 'Ana', comment: 'Not yet', fixItems: 'One\nTwo' };

describe('what the client is shown', () => {
  it('the checklist as work done and standards met, the release notes, and nothing internal', async () => {
    const records = await givenAwaiting();
    const json = JSON.parse((await serve(records, aView({ format: 'json' }))).response.body) as SharedPageContent;
    expect(json.acceptance).toEqual({
      awaiting: [
        {
          id: 'sub-1',
          milestone: 'Beta',
          submittedAt: '2026-03-09T10:00:00.000Z',
          percentDone: 75,
          standards: [
            { kind: 'no-open-bugs-at-priority', priorities: ['Highest'], met: true },
            { kind: 'text', text: 'Accessibility audit passed', met: null },
          ],
          withOpenItems: true,
          releaseNotes: '- Export to CSV (ACME-2)',
        },
      ],
      decidable: true,
      decided: [],
    });
    const html = (await serve(records)).response.body;
    expect(html).toContain('Work done: 75%');
    expect(html).toContain('Submitted with open items');
    expect(html).not.toContain('ACME-9');
    expect(html).not.toContain('pm-account');
  });

  it('a published report’s link shows no acceptance form, and refuses a decision', async () => {
    const records = await givenAwaiting();
    const link = aLink({ scope: { kind: 'report', reportId: 'r1' } });
    const answer = await serve(records, aFormPost(valid), link);
    expect(answer.response.statusCode).toBe(403);
    expect(answer.event).toEqual({ kind: 'decision', outcome: 'refused', detail: 'acceptance-not-offered' });
  });
});

describe('the decision form', () => {
  it.each([
    ['a rejection without a comment', { ...valid, comment: '' }, 'a comment'],
    [
      'more than ten fix items',
      { ...valid, fixItems: Array.from({ length: 11 }, (_, n) => `item ${String(n)}`).join('\n') },
      'what to fix',
    ],
    ['a fix item over 300 characters', { ...valid, fixItems: 'x'.repeat(301) }, 'what to fix'],
    ['no name', { ...valid, name: '  ' }, 'your name'],
  ])('refuses %s, naming the field, storing nothing', async (_name, form, field) => {
    const records = await givenAwaiting();
    const before = await stored(records);
    const answer = await serve(records, aFormPost(form));
    expect(answer.response.statusCode).toBe(400);
    expect(answer.response.body).toContain(field);
    expect(answer.event).toEqual({ kind: 'decision', outcome: 'refused', detail: 'acceptance-bad-form' });
    expect(await stored(records)).toBe(before);
  });

  it('records an acceptance with the server’s time, drops fix items sent with it, and refuses a second decision (409)', async () => {
    const records = await givenAwaiting();
    const answer = await serve(records, aFormPost({ ...valid, decision: 'accepted', comment: '' }));
    expect(answer.response.statusCode).toBe(200);
    expect(answer.event).toEqual({ kind: 'decision', outcome: 'ok', detail: 'acceptance-accepted' });
    const record = (await records.document(acceptanceKind, '1').get()).value;
    expect(record?.submissions[0]).toMatchObject({
      state: 'accepted',
      decision: { by: 'Ana (client via status page)', at: NOW.toISOString(), comment: '', fixItems: [] },
    });
    const again = await serve(records, aFormPost(valid));
    expect(again.response.statusCode).toBe(409);
    expect(again.event.detail).toBe('acceptance-decided');
  });

  it('any field replaced by a hostile value: a 4xx page that echoes nothing, or a decision; never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 20 }),
        hostileValues(['<img src=x onerror=alert(1)>', 'accepted\u0000', 'sub-1\u202E', '\n\n\n', 'HIDDEN-ECHO']),
        fc.boolean(),
        async (extraKey, hostile, replace) => {
          const records = await givenAwaiting();
          const fields: Record<string, string> = { ...valid };
          const keys = Object.keys(fields);
          const target = replace ? (keys[extraKey.length % keys.length] ?? 'form') : extraKey;
          const value = typeof hostile === 'string' ? hostile : ((JSON.stringify(hostile) as string | undefined) ?? 'undefined');
          fields[target] = value;
          const before = await stored(records);
          const answer = await serve(records, aFormPost(fields));
          expect(answer.response.statusCode).toBeLessThan(500);
          if (answer.response.statusCode >= 400) {
            expect(answer.event.outcome).toBe('refused');
            expect(await stored(records)).toBe(before);
            if (value.length > 3 && !/^[\w\s.-]*$/u.test(value)) expect(answer.response.body).not.toContain(value);
          }
          expect(answer.response.body).not.toMatch(/<img src=x/u);
        },
      ),
      { numRuns: 100, seed: 1313 },
    );
  }, 120_000);
});
