import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../../contract';
import { rebaseFormValues, toChangedFields } from './rebase-form-values';
import { toFormValues, type FormValues } from './settings-form';

const loaded = (): FormValues => toFormValues(DEFAULT_PROJECT_SETTINGS);
const withThresholds = (values: FormValues, change: Partial<FormValues['thresholds']>): FormValues => ({
  ...values,
  thresholds: { ...values.thresholds, ...change },
});

describe('toChangedFields', () => {
  it('names nothing when nothing changed, numbers compared by value', () => {
    expect(toChangedFields(loaded(), loaded())).toEqual([]);
    expect(toChangedFields(loaded(), withThresholds({ ...loaded(), cadenceDays: '7.0' }, { overdueAmber: ' 15 ' }))).toEqual([]);
  });

  it('names each changed field once, in page order', () => {
    const after: FormValues = {
      ...withThresholds(loaded(), { csatAmber: '3', slipGreenDays: '1' }),
      cadenceDays: '14',
      clientLabel: 'external',
      visibilityMode: 'all',
      disabledDimensions: ['cost'],
      waitingOnClientStatuses: [...loaded().waitingOnClientStatuses, 'On hold'],
      fieldOverrides: { ...loaded().fieldOverrides, sprint: 'customfield_10020' },
    };
    expect(toChangedFields(loaded(), after)).toEqual([
      'clientVisibility.mode',
      'clientLabel',
      'waitingOnClientStatuses',
      'fieldOverrides.sprint',
      'cadenceDays',
      'disabledDimensions',
      'thresholds.slipGreenDays',
      'thresholds.csatAmber',
    ]);
  });

  it('does not take a label that reads like a number for the same label', () => {
    expect(toChangedFields({ ...loaded(), clientLabel: '10' }, { ...loaded(), clientLabel: '010' })).toEqual(['clientLabel']);
  });
});

describe('rebaseFormValues', () => {
  it('keeps their fields and puts back the PM’s changed ones', () => {
    const mine = withThresholds({ ...loaded(), clientLabel: 'external' }, { overdueGreen: '8' });
    const theirs = withThresholds({ ...loaded(), cadenceDays: '14', clientLabel: 'customer' }, { overdueAmber: '30' });
    const rebased = rebaseFormValues(loaded(), mine, theirs);
    expect(rebased.cadenceDays).toBe('14');
    expect(rebased.clientLabel).toBe('external');
    expect(rebased.thresholds.overdueGreen).toBe('8');
    expect(rebased.thresholds.overdueAmber).toBe('30');
    expect(toChangedFields(theirs, rebased)).toEqual(['clientLabel', 'thresholds.overdueGreen']);
  });

  it('merges lists: their additions and removals stay, the PM’s own are applied', () => {
    const base = { ...loaded(), blockingLinkTypes: ['Blocks', 'Depends'], disabledDimensions: [] };
    const mine: FormValues = { ...base, blockingLinkTypes: ['Blocks', 'Requires'], disabledDimensions: ['cost'] };
    const theirs: FormValues = { ...base, blockingLinkTypes: ['Blocks', 'Depends', 'Waits for'], disabledDimensions: ['quality'] };
    const rebased = rebaseFormValues(base, mine, theirs);
    expect(rebased.blockingLinkTypes).toEqual(['Blocks', 'Waits for', 'Requires']);
    expect(rebased.disabledDimensions).toEqual(['quality', 'cost']);
  });

  it('gives a field both changed the PM’s value', () => {
    const mine = { ...loaded(), fieldOverrides: { ...loaded().fieldOverrides, storyPoints: 'customfield_10016' } };
    const theirs = {
      ...loaded(),
      fieldOverrides: { ...loaded().fieldOverrides, storyPoints: 'customfield_10026', sprint: 'customfield_10020' },
    };
    const rebased = rebaseFormValues(loaded(), mine, theirs);
    expect(rebased.fieldOverrides).toEqual({ ...loaded().fieldOverrides, storyPoints: 'customfield_10016', sprint: 'customfield_10020' });
  });

  it('is theirs exactly when the PM changed nothing', () => {
    const theirs = withThresholds({ ...loaded(), timeZone: 'Europe/Paris', issueTypeIds: ['10001'] }, { csatGreen: '4.5' });
    expect(rebaseFormValues(loaded(), loaded(), theirs)).toEqual(theirs);
  });
});
