import { describe, expect, it } from 'vitest';
import { deriveOpenMilestones, isMilestoneOverdue, type Milestone } from './milestone';

const milestone = (over: Partial<Milestone>): Milestone => ({
  id: '1',
  name: 'M1',
  released: false,
  archived: false,
  releaseDate: '2026-03-10',
  startDate: null,
  ...over,
});

describe('isMilestoneOverdue', () => {
  it.each([
    { case: 'release day before today', m: milestone({}), today: '2026-03-11', overdue: true },
    { case: 'due today is not overdue yet', m: milestone({}), today: '2026-03-10', overdue: false },
    { case: 'future', m: milestone({}), today: '2026-03-01', overdue: false },
    { case: 'released late is not overdue', m: milestone({ released: true }), today: '2026-04-01', overdue: false },
    { case: 'no date is never overdue', m: milestone({ releaseDate: null }), today: '2026-04-01', overdue: false },
  ])('$case', ({ m, today, overdue }) => {
    expect(isMilestoneOverdue(m, today)).toBe(overdue);
  });
});

describe('deriveOpenMilestones', () => {
  it('keeps unreleased, unarchived milestones, dated first by date, then undated by name', () => {
    const result = deriveOpenMilestones(
      [
        milestone({ id: 'a', name: 'Zeta', releaseDate: null }),
        milestone({ id: 'b', name: 'Beta', releaseDate: '2026-05-01' }),
        milestone({ id: 'c', name: 'Alpha', releaseDate: null }),
        milestone({ id: 'd', name: 'Done', released: true }),
        milestone({ id: 'e', name: 'Old', archived: true }),
        milestone({ id: 'f', name: 'Gamma', releaseDate: '2026-02-01' }),
      ],
      '2026-03-01',
    );
    expect(result.map((m) => [m.id, m.overdue])).toEqual([
      ['f', true],
      ['b', false],
      ['c', false],
      ['a', false],
    ]);
  });
});
