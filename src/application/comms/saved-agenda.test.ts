import { describe, expect, it } from 'vitest';
import { aPlan, aSeries, aTouchpoint } from '../../../test/support/comms-builders';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { saveCommsPlan } from './comms-plan';
import { findAgendaForTouchpoint, getSavedAgenda, saveAgenda } from './saved-agenda';
import { logTouchpoint } from './touchpoint-log';

const PROJECT = '10000';
// Weekly on Monday 09:00 Paris from 5 January 2026; now is Wednesday 14 January.
const SERIES = aSeries();
const NOW = new Date('2026-01-14T12:00:00.000Z');
const LINES = [
  { id: 'l1', text: 'Budget' },
  { id: 'l2', text: 'Test plan' },
];

async function given() {
  const records = new InMemoryRecordStore();
  await saveCommsPlan(records, PROJECT, aPlan(), 0);
  return records;
}

describe('saveAgenda', () => {
  it('saves the agenda of an upcoming occurrence at revision 0, then only at the revision read (stale: CONFLICT, nothing written)', async () => {
    const records = await given();
    expect(await getSavedAgenda(records, PROJECT, 'weekly', '2026-01-19')).toBeNull();

    const first = await saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: LINES, revision: 0 }, NOW);
    expect(first).toEqual({ day: '2026-01-19', lines: LINES, revision: 1 });
    const reordered = [LINES[1], LINES[0]].flatMap((l) => (l ? [l] : []));
    expect(await saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: reordered, revision: 1 }, NOW)).toMatchObject({
      revision: 2,
    });

    await expect(saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: [], revision: 1 }, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await getSavedAgenda(records, PROJECT, 'weekly', '2026-01-19')).toEqual({ day: '2026-01-19', lines: reordered, revision: 2 });
  });

  it.each([
    ['a day that is not an occurrence', '2026-01-20'],
    ['a past occurrence', '2026-01-12'],
    ['an occurrence beyond the next five', '2026-03-02'],
  ])('refuses %s with INVALID_PAYLOAD on the day field', async (_, day) => {
    const records = await given();
    await expect(saveAgenda(records, PROJECT, SERIES, { day, lines: LINES, revision: 0 }, NOW)).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      fields: [{ path: 'day' }],
    });
    expect(await getSavedAgenda(records, PROJECT, 'weekly', day)).toBeNull();
  });

  it('accepts the fifth occurrence ahead and one due later today', async () => {
    const records = await given();
    await expect(saveAgenda(records, PROJECT, SERIES, { day: '2026-02-16', lines: LINES, revision: 0 }, NOW)).resolves.toMatchObject({
      revision: 1,
    });
    const mondayMorning = new Date('2026-01-19T06:00:00.000Z');
    await expect(
      saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: LINES, revision: 0 }, mondayMorning),
    ).resolves.toMatchObject({
      revision: 1,
    });
  });
});

describe('the saved agenda goes into the log', () => {
  it('given a touchpoint logged for the occurrence, carries the saved lines into it, in their order', async () => {
    const records = await given();
    await saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: LINES, revision: 0 }, NOW);
    const logged = await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't9', date: '2026-01-19' }));
    expect(logged.agenda).toEqual(['Budget', 'Test plan']);
  });

  it('given the meeting moved by a few days, takes the agenda of the occurrence it was; none of another series', async () => {
    const records = await given();
    await saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: LINES, revision: 0 }, NOW);
    await saveAgenda(records, PROJECT, SERIES, { day: '2026-01-26', lines: [{ id: 'x', text: 'Later' }], revision: 0 }, NOW);
    expect(await findAgendaForTouchpoint(records, PROJECT, SERIES, '2026-01-21')).toEqual(['Budget', 'Test plan']);
    expect(await findAgendaForTouchpoint(records, PROJECT, SERIES, '2026-01-25')).toEqual(['Later']);
    expect(await findAgendaForTouchpoint(records, PROJECT, { ...SERIES, id: 'other' }, '2026-01-19')).toBeNull();
    expect(await findAgendaForTouchpoint(records, PROJECT, SERIES, '2026-03-30')).toBeNull();
  });

  it('never gives a meeting the agenda of another occurrence: the week before keeps none', async () => {
    const records = await given();
    await saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: LINES, revision: 0 }, NOW);
    expect(await findAgendaForTouchpoint(records, PROJECT, SERIES, '2026-01-12')).toBeNull();
    expect(await findAgendaForTouchpoint(records, PROJECT, SERIES, '2026-01-15')).toBeNull();
    const logged = await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't8', date: '2026-01-12' }));
    expect(logged.agenda).toBeUndefined();
  });

  it('keeps the agenda a touchpoint was logged with when it is edited later, and never adds one to an edit', async () => {
    const records = await given();
    const first = await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't9', date: '2026-01-19' }));
    expect(first.agenda).toBeUndefined();
    await saveAgenda(records, PROJECT, SERIES, { day: '2026-01-19', lines: LINES, revision: 0 }, NOW);
    const edited = await logTouchpoint(records, PROJECT, { ...first, decisions: ['Go'] });
    expect(edited.agenda).toBeUndefined();
  });
});
