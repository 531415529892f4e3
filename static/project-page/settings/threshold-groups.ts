import type { DimensionKey, MeasureId } from '../../../contract';
import type { ThresholdKey } from './settings-form';

export type RuleKey =
  | 'settings.rule.slip'
  | 'settings.rule.overdue'
  | 'settings.rule.forecast'
  | 'settings.rule.creep'
  | 'settings.rule.topBugs'
  | 'settings.rule.reopen'
  | 'settings.rule.effort'
  | 'settings.rule.csat'
  | 'settings.rule.complaints'
  | 'settings.rule.comms';

export interface MeasureThresholds {
  /** The measure's name in the catalogue (`measure.<id>`), or the forecast's or complaints' own title. */
  title: MeasureId | 'forecast' | 'complaints';
  rule: RuleKey;
  keys: readonly ThresholdKey[];
}

/**
 * The thresholds as the PM thinks of them: by dimension, then by measure, each with the rule
 * that reads them (see `assessHealth`). Every threshold appears exactly once (tested).
 */
export const THRESHOLD_GROUPS: readonly { dimension: DimensionKey; measures: readonly MeasureThresholds[] }[] = [
  {
    dimension: 'schedule',
    measures: [
      { title: 'slipDays', rule: 'settings.rule.slip', keys: ['slipGreenDays', 'slipAmberDays'] },
      { title: 'overdueShare', rule: 'settings.rule.overdue', keys: ['overdueGreen', 'overdueAmber'] },
      { title: 'forecast', rule: 'settings.rule.forecast', keys: ['throughputWeeks', 'pointsMinShare'] },
    ],
  },
  {
    dimension: 'scope',
    measures: [{ title: 'scopeCreep', rule: 'settings.rule.creep', keys: ['creepGreen', 'creepAmber', 'creepMinBaseline'] }],
  },
  {
    dimension: 'quality',
    measures: [
      { title: 'topPriorityBugs', rule: 'settings.rule.topBugs', keys: ['topBugsGreen', 'topBugsAmber'] },
      { title: 'reopenRate', rule: 'settings.rule.reopen', keys: ['reopenGreen', 'reopenAmber', 'reopenWindowDays'] },
    ],
  },
  {
    dimension: 'cost',
    measures: [{ title: 'effortVariance', rule: 'settings.rule.effort', keys: ['effortGreen', 'effortAmber', 'effortMinCoverage'] }],
  },
  {
    dimension: 'satisfaction',
    measures: [
      { title: 'csat', rule: 'settings.rule.csat', keys: ['csatGreen', 'csatAmber', 'csatWindowDays'] },
      { title: 'complaints', rule: 'settings.rule.complaints', keys: ['complaintRatingMax', 'complaintDueDays'] },
    ],
  },
  { dimension: 'communication', measures: [{ title: 'commsLateDays', rule: 'settings.rule.comms', keys: ['commsLateAmberDays'] }] },
];
