import { describe, expect, it } from 'vitest';
import { isCalendarDay, toEpochMs } from './to-epoch-ms';

describe('toEpochMs', () => {
  it.each([
    ['2020-06-12T08:13:13.360+0800', Date.UTC(2020, 5, 12, 0, 13, 13, 360)],
    ['2020-06-12T08:13:13.360+08:00', Date.UTC(2020, 5, 12, 0, 13, 13, 360)],
    ['2020-06-12T08:13:13.360-0530', Date.UTC(2020, 5, 12, 13, 43, 13, 360)],
    ['2020-06-12T00:13:13.360+0000', Date.UTC(2020, 5, 12, 0, 13, 13, 360)],
    ['2020-06-12T00:13:13Z', Date.UTC(2020, 5, 12, 0, 13, 13)],
    ['2020-06-12T00:13:13.5Z', Date.UTC(2020, 5, 12, 0, 13, 13, 500)],
    ['2020-06-12T00:13:13.123456Z', Date.UTC(2020, 5, 12, 0, 13, 13, 123)],
    // Crossing midnight and the year backwards through the offset.
    ['2021-01-01T07:59:59.999+0800', Date.UTC(2020, 11, 31, 23, 59, 59, 999)],
  ])('reads %s', (raw, expected) => {
    expect(toEpochMs(raw)).toBe(expected);
  });

  it('keeps the year of an absurd instant as written, for the domain to note', () => {
    expect(toEpochMs('0099-01-01T00:00:00.000+0000')).toBe(new Date('0099-01-01T00:00:00.000Z').getTime());
    expect(new Date(toEpochMs('0001-06-15T12:00:00.000+0000') ?? Number.NaN).getUTCFullYear()).toBe(1);
    expect(toEpochMs('9999-12-31T23:59:59.999+0000')).toBe(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
  });

  it('agrees with Date.parse on the colon form', () => {
    const raw = '2026-03-29T01:30:00.000+0100';
    expect(toEpochMs(raw)).toBe(Date.parse('2026-03-29T01:30:00.000+01:00'));
  });

  it.each(['', 'yesterday', '2020-06-12', '2020-13-12T00:00:00.000+0000', '2020-06-12T08:13:13.360+08'])('rejects %j', (raw) => {
    expect(toEpochMs(raw)).toBeNull();
  });
});

describe('isCalendarDay', () => {
  it.each([
    ['2026-06-12', true],
    ['2026-6-12', false],
    ['2026-06-12T00:00:00.000+0000', false],
    ['12/Jun/26', false],
    ['', false],
  ])('%j -> %s', (raw, expected) => {
    expect(isCalendarDay(raw)).toBe(expected);
  });
});
