import { describe, expect, it } from 'vitest';
import { anActionItem, aPlan, aSeries, aTouchpoint } from '../../../test/support/comms-builders';
import { EMPTY_ENGAGEMENT } from '../../../contract/engagement';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { engagementKind } from '../records/record-kinds';
import { saveCommsPlan } from './comms-plan';
import { readCommunicationInput } from './read-communication-input';
import { logTouchpoint } from './touchpoint-log';

const PROJECT = '10000';
const NOW = Date.parse('2026-01-20T12:00:00Z');

describe('readCommunicationInput: the minutes for the report', () => {
  it('marks a touchpoint as held with the client only when its series’ audience names a client stakeholder', async () => {
    const records = new InMemoryRecordStore();
    await saveCommsPlan(
      records,
      PROJECT,
      aPlan({ series: [aSeries(), aSeries({ id: 'retro', title: 'Team retro', audience: ['pm'] })] }),
      0,
    );
    await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't1', date: '2026-01-05' }));
    // Client names among the attendees do not make an internal series client-facing.
    await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't2', seriesId: 'retro', date: '2026-01-06', decisions: ['Internal'] }));
    await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't3', seriesId: null, date: '2026-01-07', actionItems: [] }));

    const { minutes = [] } = await readCommunicationInput(records, PROJECT, NOW);
    const byDate = [...minutes].sort((a, b) => a.date.localeCompare(b.date));
    expect(byDate.map((m) => [m.date, m.seriesTitle, m.withClient])).toEqual([
      ['2026-01-05', 'Weekly status call', true],
      ['2026-01-06', 'Team retro', false],
      ['2026-01-07', null, false],
    ]);
    expect(byDate[0]).toMatchObject({
      decisions: ['Go live moves to March'],
      actionItems: [
        {
          text: anActionItem().text,
          ownerSide: 'internal',
          ownerName: 'Pat Manager',
          due: '2026-01-16',
          status: 'open',
          jiraIssueKey: null,
        },
      ],
    });
    // The owner's account id is not carried into the report.
    expect(byDate[0]?.actionItems[0]).not.toHaveProperty('ownerAccountId');
  });
});

describe('readCommunicationInput: the series that run in the engagement phase', () => {
  const plan = aPlan({
    series: [
      aSeries({ id: 'weekly', title: 'Weekly status call', activeIn: 'delivery' }),
      aSeries({ id: 'monthly', title: 'Monthly review' }),
      aSeries({ id: 'support', title: 'Support check-in', activeIn: 'support' }),
    ],
  });

  it.each([
    { phase: null, titles: ['Weekly status call', 'Monthly review'] },
    { phase: 'delivery' as const, titles: ['Weekly status call', 'Monthly review'] },
    { phase: 'support' as const, titles: ['Monthly review', 'Support check-in'] },
  ])('phase $phase → $titles', async ({ phase, titles }) => {
    const records = new InMemoryRecordStore();
    await saveCommsPlan(records, PROJECT, plan, 0);
    if (phase !== null) await records.document(engagementKind, PROJECT).save({ ...EMPTY_ENGAGEMENT, phase }, 0);
    const { touchpoints } = await readCommunicationInput(records, PROJECT, NOW);
    expect(touchpoints.map((tp) => tp.title)).toEqual(titles);
  });
});
