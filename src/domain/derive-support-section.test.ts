import { describe, expect, it } from 'vitest';
import type { SupportTargetsJson } from '../../contract/engagement';
import { SUPPORT_OVERDUE_LIMIT } from '../../contract/support-report';
import { deriveStatusReport } from './derive-status-report';
import { deriveSupportSection } from './derive-support-section';
import type { EngagementInput } from './project-data';
import { DEFAULT_SETTINGS } from './settings';
import { aDoneIssue, anInProgressIssue, anIssue, aProject, at } from './testing/builders';

const HOUR = 3_600_000;
const NOW = at('2026-03-20T12:00:00Z');
const targets: SupportTargetsJson = { responseHours: 8, resolutionHours: 40, clientLabel: 'client-reported', clientIssueTypeIds: [] };
const inSupport: EngagementInput = { phase: 'support', budget: { hours: null, money: null }, support: targets };
const reported = (hoursAgo: number, overrides: Parameters<typeof anIssue>[0] = {}) => ({
  created: NOW - hoursAgo * HOUR,
  ...overrides,
  labels: ['client-reported', ...(overrides.labels ?? [])],
});

describe('deriveSupportSection', () => {
  const issues = [
    anIssue(reported(100, { key: 'ACME-1' })), // nothing for 100 h: both overdue
    anInProgressIssue(NOW - 95 * HOUR, reported(100, { key: 'ACME-2' })), // answered in 5 h; resolution overdue
    anIssue(reported(2, { key: 'ACME-3' })), // both running
    aDoneIssue(NOW - 60 * HOUR, reported(80, { key: 'ACME-4' })), // resolved in 20 h: met (the response with it)
    aDoneIssue(NOW - 10 * HOUR, reported(80, { key: 'ACME-5', history: { startedAt: NOW - 70 * HOUR } })), // answered in 10 h: late; resolved in 70 h: late
    anIssue({ key: 'ACME-6', created: NOW - 100 * HOUR }), // not client-reported
  ];

  it.each<{ phase: EngagementInput['phase']; support: SupportTargetsJson | null }>([
    { phase: 'delivery', support: targets },
    { phase: 'acceptance', support: targets },
    { phase: 'closed', support: targets },
    { phase: 'support', support: null },
  ])('no section in $phase with targets $support', ({ phase, support }) => {
    expect(deriveSupportSection(issues, { ...inSupport, phase, support }, NOW)).toBeUndefined();
  });

  it('no section without an engagement', () => {
    expect(deriveSupportSection(issues, undefined, NOW)).toBeUndefined();
  });

  it('counts each target’s clocks and lists the overdue issues, oldest first', () => {
    expect(deriveSupportSection(issues, inSupport, NOW)).toEqual({
      responseHours: 8,
      resolutionHours: 40,
      total: 5,
      response: { met: 2, breached: 1, running: 1, overdue: 1 },
      resolution: { met: 1, breached: 1, running: 1, overdue: 2 },
      overdue: [
        {
          key: 'ACME-1',
          summary: 'Issue ACME-1',
          created: new Date(NOW - 100 * HOUR).toISOString(),
          response: 'overdue',
          resolution: 'overdue',
        },
        {
          key: 'ACME-2',
          summary: 'Issue ACME-2',
          created: new Date(NOW - 100 * HOUR).toISOString(),
          response: 'met',
          resolution: 'overdue',
        },
      ],
      overdueTotal: 2,
    });
  });

  it('counts and lists only the issues the audience sees', () => {
    const section = deriveSupportSection(issues, inSupport, NOW, (i) => i.key !== 'ACME-1');
    expect(section?.total).toBe(4);
    expect(section?.overdue.map((i) => i.key)).toEqual(['ACME-2']);
    expect(section?.response.overdue).toBe(0);
  });

  it(`lists at most ${String(SUPPORT_OVERDUE_LIMIT)} and counts them all`, () => {
    const many = Array.from({ length: SUPPORT_OVERDUE_LIMIT + 3 }, (_, i) =>
      anIssue(reported(100 + i, { key: `ACME-${String(100 + i)}` })),
    );
    const section = deriveSupportSection(many, inSupport, NOW);
    expect(section?.overdue).toHaveLength(SUPPORT_OVERDUE_LIMIT);
    expect(section?.overdueTotal).toBe(SUPPORT_OVERDUE_LIMIT + 3);
    // The oldest first.
    expect(section?.overdue[0]?.key).toBe(`ACME-${String(100 + SUPPORT_OVERDUE_LIMIT + 2)}`);
  });
});

describe('the report’s support section, by audience', () => {
  // Marked mode: the client sees issues with the client label.
  const data = aProject({
    engagement: inSupport,
    issues: [
      anIssue(reported(100, { key: 'ACME-1', labels: ['client'], summary: 'Login fails, see ACME-2' })),
      anIssue(reported(100, { key: 'ACME-2', summary: 'Internal root cause' })),
    ],
  });
  const input = { data, settings: DEFAULT_SETTINGS, now: NOW, periodStart: null, lang: 'en' as const };

  it('the team sees every client-reported issue', () => {
    const report = deriveStatusReport({ ...input, audience: 'internal' });
    expect(report.sections.support?.overdue.map((i) => i.key)).toEqual(['ACME-1', 'ACME-2']);
    expect(report.sections.support?.total).toBe(2);
  });

  it('the client sees only the issues it may see, and no key of another in their text', () => {
    const report = deriveStatusReport({ ...input, audience: 'client' });
    expect(report.sections.support?.total).toBe(1);
    expect(report.sections.support?.overdue).toEqual([expect.objectContaining({ key: 'ACME-1' })]);
    expect(JSON.stringify(report.sections.support)).not.toContain('ACME-2');
  });

  it('outside support neither report has the section', () => {
    const delivery = { ...input, data: { ...data, engagement: { ...inSupport, phase: 'delivery' as const } } };
    expect(deriveStatusReport({ ...delivery, audience: 'internal' }).sections.support).toBeUndefined();
    expect(deriveStatusReport({ ...delivery, audience: 'client' }).sections.support).toBeUndefined();
  });
});
