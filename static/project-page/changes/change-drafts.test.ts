import { describe, expect, it } from 'vitest';
import { aChangeRequest } from '../../../test/support/change-builders';
import { newChangeForm, toChangeDraft, toChangeFieldErrors, toChangeForm, toNumber, type ChangeForm } from './change-drafts';

const filled = (overrides: Partial<ChangeForm> = {}): ChangeForm => ({
  ...newChangeForm('cr1'),
  title: 'SSO',
  requester: 'Li Na',
  ...overrides,
});

describe('toChangeDraft', () => {
  it('turns the typed fields into the contract’s draft: numbers, an upper-case currency, keys split on commas and spaces', () => {
    const result = toChangeDraft(
      filled({
        scheduleDays: '5',
        effortHours: '7,5',
        costAmount: '1000.5',
        currency: 'eur',
        linkedIssues: 'acme-1, ACME-2，ACME-3 ',
        milestoneId: '10001',
        newTarget: '2026-06-01',
      }),
    );
    expect(result).toEqual({
      ok: true,
      draft: {
        id: 'cr1',
        title: 'SSO',
        description: '',
        internalNote: '',
        requester: 'Li Na',
        impact: { scheduleDays: 5, effortHours: 7.5, cost: { amount: 1000.5, currency: 'EUR' }, scopeNote: '' },
        linkedIssueKeys: ['ACME-1', 'ACME-2', 'ACME-3'],
        milestone: { id: '10001', newTarget: '2026-06-01' },
      },
    });
  });

  it.each([
    {
      case: 'blank title and requester',
      form: { title: ' ', requester: '' },
      errors: { title: 'changes.error.required', requester: 'changes.error.required' },
    },
    { case: 'days not a whole number', form: { scheduleDays: '2.5' }, errors: { scheduleDays: 'changes.error.number' } },
    { case: 'days not a number', form: { scheduleDays: 'soon' }, errors: { scheduleDays: 'changes.error.number' } },
    { case: 'hours not in quarters', form: { effortHours: '1.1' }, errors: { effortHours: 'changes.error.hours' } },
    { case: 'a currency without an amount', form: { currency: 'EUR' }, errors: { costAmount: 'changes.error.amount' } },
    { case: 'three decimals', form: { costAmount: '1.234', currency: 'EUR' }, errors: { costAmount: 'changes.error.amount' } },
    { case: 'a bad currency', form: { costAmount: '1', currency: 'euro' }, errors: { currency: 'changes.error.currency' } },
    { case: 'a bad key', form: { linkedIssues: 'ACME-1, nope' }, errors: { linkedIssues: 'changes.error.issueKeys' } },
    { case: 'a key twice', form: { linkedIssues: 'ACME-1 ACME-1' }, errors: { linkedIssues: 'changes.error.issueKeys' } },
    { case: 'an impossible day', form: { milestoneId: '10001', newTarget: '2026-02-30' }, errors: { newTarget: 'changes.error.day' } },
  ])('$case → errors beside the fields', ({ form, errors }) => {
    expect(toChangeDraft(filled(form))).toEqual({ ok: false, errors });
  });

  it('a blank cost is no cost', () => {
    const result = toChangeDraft(filled());
    expect(result.ok && result.draft.impact.cost).toBeNull();
  });
});

describe('toNumber', () => {
  it.each([
    ['12,500', 12_500],
    ['12 500', 12_500],
    ['1,234,567.89', 1_234_567.89],
    ['-12,500', -12_500],
    ['7,5', 7.5],
    ['7,25', 7.25],
    ['1000.5', 1000.5],
    ['  42 ', 42],
  ])('reads %j as %d', (typed, expected) => {
    expect(toNumber(typed)).toBe(expected);
  });

  it.each(['', '12,5000', '1.234,56', '12,50,0', '1,2,3', '12.500,00', 'abc', '1e3', '١٢'])('refuses %j rather than guess', (typed) => {
    expect(toNumber(typed)).toBeNaN();
  });

  it('never shrinks a grouped amount a thousandfold', () => {
    const result = toChangeDraft(filled({ costAmount: '12,500', currency: 'EUR' }));
    expect(result.ok && result.draft.impact.cost).toEqual({ amount: 12_500, currency: 'EUR' });
  });
});

describe('toChangeForm and toChangeFieldErrors', () => {
  it('round-trips a stored request through the form', () => {
    const stored = aChangeRequest({
      linkedIssueKeys: ['ACME-1', 'ACME-2'],
      milestone: { id: '10001', name: 'R1', newTarget: '2026-06-01', originalTarget: null },
    });
    const result = toChangeDraft(toChangeForm(stored));
    expect(result).toMatchObject({
      ok: true,
      draft: { linkedIssueKeys: ['ACME-1', 'ACME-2'], milestone: { id: '10001', newTarget: '2026-06-01' }, impact: stored.impact },
    });
  });

  it('places the server’s field paths beside the form’s fields', () => {
    expect(toChangeFieldErrors(['request.milestone.id', 'request.linkedIssueKeys.3', 'request.impact.cost.currency', 'unknown'])).toEqual({
      milestoneId: 'changes.error.milestone',
      linkedIssues: 'changes.error.issueKeys',
      currency: 'changes.error.currency',
    });
  });
});
