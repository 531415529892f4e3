import { describe, expect, it } from 'vitest';
import { DIMENSION_KEYS } from '../../contract';
import { aClientStatusReport, aDimension, aMeasure, aStatusReport } from '../testing/status-report-builder';
import { toHealthTiles, toOverallStatus } from './to-health-tiles';

describe('toHealthTiles', () => {
  const report = aStatusReport();
  const tiles = toHealthTiles(report);
  const tile = (key: (typeof DIMENSION_KEYS)[number]) => tiles.find((candidate) => candidate.key === key);

  it('gives one tile per dimension, in the fixed order', () => {
    expect(tiles.map(({ key }) => key)).toEqual([...DIMENSION_KEYS]);
  });

  it('shows the measure that decided the dimension, its why, the sustained marker, and each measure with its own evidence', () => {
    expect(tile('schedule')).toEqual({
      key: 'schedule',
      label: 'Schedule',
      enabled: true,
      rag: 'red',
      display: '+8 days',
      measureLabel: 'Next milestone slip',
      why: 'Beta is forecast 8 days after its target.',
      otherMeasures: [
        {
          id: 'schedule.overdue',
          label: 'Overdue share',
          display: '12 %',
          rag: 'amber',
          why: '3 of 25 open issues with a due date are past due.',
          evidence: { keys: ['ACME-12', 'ACME-15', 'ACME-21'], total: 3, jql: null, measureId: 'schedule.overdue', milestone: null },
        },
      ],
      sustained: true,
      evidence: { keys: ['ACME-12', 'ACME-15'], total: 2, jql: null, measureId: 'schedule.slip', milestone: null },
    });
  });

  it('lists every other measure of a dimension beside the deciding one, none twice', () => {
    for (const key of DIMENSION_KEYS) {
      const shown = tile(key);
      const measures = report.dimensions[key].measures;
      const count = (shown?.display === null ? 0 : 1) + (shown?.otherMeasures.length ?? 0);
      expect(count, key).toBe(measures.length);
    }
  });

  it('falls back on the first measure, and on none', () => {
    expect(tile('quality')).toMatchObject({ rag: 'green', display: '0', measureLabel: 'Open top-priority bugs', evidence: null });
    expect(tile('communication')).toMatchObject({ rag: 'grey', display: null, measureLabel: null });
  });

  it('picks the first measure with the dimension RAG when a later one decided it', () => {
    const report = aStatusReport();
    report.dimensions.quality = aDimension({
      rag: 'amber',
      measures: [aMeasure({ display: '0', rag: 'green' }), aMeasure({ display: '9 %', rag: 'amber' })],
    });
    expect(toHealthTiles(report).find(({ key }) => key === 'quality')?.display).toBe('9 %');
  });

  it('keeps a dimension switched off in settings, marked as such', () => {
    const report = aStatusReport();
    report.dimensions.cost = aDimension({ enabled: false, rag: 'grey' });
    expect(toHealthTiles(report).find(({ key }) => key === 'cost')?.enabled).toBe(false);
  });
});

describe('toOverallStatus', () => {
  it('internally shows both statuses when the PM overrode the computed one', () => {
    expect(toOverallStatus(aStatusReport())).toEqual({
      reported: 'amber',
      override: { computed: 'red', reason: 'The client agreed to move Beta by a week.' },
    });
  });

  it('shows one status when they agree', () => {
    const report = aStatusReport();
    report.overall = { ...report.overall, computed: 'amber', reported: 'amber', overrideReason: null };
    expect(toOverallStatus(report)).toEqual({ reported: 'amber', override: null });
  });

  it('never shows the computed status to the client', () => {
    const report = aClientStatusReport();
    report.overall = { ...report.overall, reported: 'amber' };
    expect(toOverallStatus(report)).toEqual({ reported: 'amber', override: null });
  });
});
