import { describe, expect, it } from 'vitest';
import { newSeriesDraft, type SeriesDraft } from './comms-drafts';
import { deriveSeriesPreview } from './series-preview';

const NOW = new Date('2026-03-20T12:00:00.000Z');
const draft = (overrides: Partial<SeriesDraft> = {}): SeriesDraft => ({
  ...newSeriesDraft('Europe/Paris', '2026-03-02'),
  localTime: '09:00',
  ...overrides,
});

describe('deriveSeriesPreview', () => {
  it('gives the next five dates of the series as typed, across the spring DST change, before a title is typed', () => {
    const preview = deriveSeriesPreview(draft({ title: '' }), NOW, 5);
    expect(preview).toEqual({
      ok: true,
      occurrences: [
        { day: '2026-03-23', at: '2026-03-23T08:00:00.000Z' },
        { day: '2026-03-30', at: '2026-03-30T07:00:00.000Z' },
        { day: '2026-04-06', at: '2026-04-06T07:00:00.000Z' },
        { day: '2026-04-13', at: '2026-04-13T07:00:00.000Z' },
        { day: '2026-04-20', at: '2026-04-20T07:00:00.000Z' },
      ],
    });
  });

  it('follows each change: monthly on the 31st in New York falls on the last day of shorter months', () => {
    const preview = deriveSeriesPreview(
      draft({ cadenceKind: 'monthly-day', day: '31', timeZone: 'America/New_York', localTime: '17:30' }),
      NOW,
      3,
    );
    expect(preview.ok && preview.occurrences.map((o) => o.day)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);
    expect(preview.ok && preview.occurrences[0]?.at).toBe('2026-03-31T21:30:00.000Z');
  });

  it('given an invalid date field, answers its typed error instead of dates; other fields never block it', () => {
    expect(deriveSeriesPreview(draft({ localTime: '25:00', durationMinutes: 'x' }), NOW, 5)).toEqual({
      ok: false,
      errors: { localTime: 'comms.error.time' },
    });
    expect(deriveSeriesPreview(draft({ timeZone: 'Mars/Olympus' }), NOW, 5)).toEqual({
      ok: false,
      errors: { timeZone: 'comms.error.timeZone' },
    });
    expect(deriveSeriesPreview(draft({ cadenceKind: 'every-n-days', days: '0' }), NOW, 5)).toEqual({
      ok: false,
      errors: { 'cadence.days': 'comms.error.number' },
    });
    expect(deriveSeriesPreview(draft({ endDate: '2026-03-01' }), NOW, 5)).toEqual({
      ok: false,
      errors: { endDate: 'comms.error.endBeforeStart' },
    });
  });

  it('given a series that ends before its next date, answers no dates', () => {
    expect(deriveSeriesPreview(draft({ endDate: '2026-03-20' }), NOW, 5)).toEqual({ ok: true, occurrences: [] });
  });
});
