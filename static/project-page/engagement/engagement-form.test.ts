import { describe, expect, it } from 'vitest';
import { EMPTY_ENGAGEMENT, type EngagementJson } from '../../../contract/engagement';
import { nextRowId, toEngagement, toEngagementFieldErrors, toEngagementForm, type EngagementForm } from './engagement-form';

const AGREED: EngagementJson = {
  ...EMPTY_ENGAGEMENT,
  clientName: 'Globex',
  scope: 'Portal',
  deliverables: [{ id: 'd1', name: 'MVP', description: '', milestoneIds: ['10000'], epicKeys: ['ACME-1', 'ACME-2'] }],
  budget: { hours: 1200, money: { amount: 150000, currency: 'EUR' } },
  qualityStandards: [
    { id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ['Highest', 'High'] },
    { id: 'q2', kind: 'max-open-bugs', max: 5 },
    { id: 'q3', kind: 'text', text: 'Docs handed over' },
  ],
  support: { responseHours: 8, resolutionHours: 72, clientLabel: 'client', clientIssueTypeIds: ['10050'] },
  phase: 'delivery',
  kpisAgreedAt: '2026-11-02T10:00:00.000Z',
};

const formOf = (overrides: Partial<EngagementForm>) => ({ ...toEngagementForm(AGREED), ...overrides });

describe('the engagement form', () => {
  it('round-trips an engagement', () => {
    expect(toEngagement(toEngagementForm(AGREED), AGREED)).toEqual({ ok: true, engagement: AGREED });
    expect(toEngagement(toEngagementForm(EMPTY_ENGAGEMENT), EMPTY_ENGAGEMENT)).toEqual({ ok: true, engagement: EMPTY_ENGAGEMENT });
  });

  it('reads numbers and lists as people type them', () => {
    const result = toEngagement(
      formOf({ budgetHours: '1,200', budgetAmount: '150 000', currency: 'eur', clientTypeIds: '10050，10051' }),
      AGREED,
    );
    expect(result.ok && result.engagement.budget).toEqual({ hours: 1200, money: { amount: 150000, currency: 'EUR' } });
    expect(result.ok && result.engagement.support?.clientIssueTypeIds).toEqual(['10050', '10051']);
    const keys = toEngagement(
      formOf({ deliverables: [{ id: 'd1', name: 'MVP', description: '', milestoneIds: [], epicKeys: 'acme-1; ACME-3' }] }),
      AGREED,
    );
    expect(keys.ok && keys.engagement.deliverables[0]?.epicKeys).toEqual(['ACME-1', 'ACME-3']);
  });

  it.each([
    [{ budgetHours: 'lots' }, 'budgetHours', 'engagement.error.hours'],
    [{ budgetAmount: '1.234,56', currency: 'EUR' }, 'budgetAmount', 'engagement.error.amount'],
    [{ budgetAmount: '100', currency: 'euro' }, 'currency', 'engagement.error.currency'],
    [{ responseHours: '0' }, 'responseHours', 'engagement.error.wholeHours'],
    [{ resolutionHours: '7.5' }, 'resolutionHours', 'engagement.error.wholeHours'],
    [{ clientLabel: 'client reported' }, 'clientLabel', 'engagement.error.label'],
    [{ clientTypeIds: 'Bug' }, 'clientTypeIds', 'engagement.error.typeIds'],
    [
      { deliverables: [{ id: 'd1', name: '', description: '', milestoneIds: [], epicKeys: '' }] },
      'deliverables.0.name',
      'engagement.error.required',
    ],
    [
      { deliverables: [{ id: 'd1', name: 'A', description: '', milestoneIds: [], epicKeys: 'nope' }] },
      'deliverables.0.epicKeys',
      'engagement.error.issueKeys',
    ],
    [
      { standards: [{ id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ' , ', max: '', text: '' }] },
      'standards.0.priorities',
      'engagement.error.priorities',
    ],
    [
      { standards: [{ id: 'q1', kind: 'max-open-bugs', priorities: '', max: '-1', text: '' }] },
      'standards.0.max',
      'engagement.error.count',
    ],
    [{ standards: [{ id: 'q1', kind: 'text', priorities: '', max: '', text: '' }] }, 'standards.0.text', 'engagement.error.required'],
  ] as const)('%o is refused beside %s', (overrides, field, key) => {
    const result = toEngagement(formOf(overrides as Partial<EngagementForm>), AGREED);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[field]).toBe(key);
  });

  it('keeps the loaded phase and the first agreed time, and unticking clears it', () => {
    const ticked = toEngagement(formOf({ kpisAgreed: true }), AGREED);
    expect(ticked.ok && ticked.engagement).toMatchObject({ phase: 'delivery', kpisAgreedAt: '2026-11-02T10:00:00.000Z' });
    const cleared = toEngagement(formOf({ kpisAgreed: false }), AGREED);
    expect(cleared.ok && cleared.engagement.kpisAgreedAt).toBeNull();
    const fresh = toEngagement({ ...toEngagementForm(EMPTY_ENGAGEMENT), kpisAgreed: true }, EMPTY_ENGAGEMENT);
    expect(fresh.ok && fresh.engagement.kpisAgreedAt).toMatch(/^\d{4}-\d\d-\d\dT/u);
  });

  it("maps the server's field paths", () => {
    expect(toEngagementFieldErrors(['engagement.phase', 'engagement.support.clientLabel'])).toEqual({
      phase: 'engagement.error.phase',
      clientLabel: 'engagement.error.label',
    });
  });

  it('gives each new row a free id', () => {
    expect(nextRowId('d', [])).toBe('d1');
    expect(nextRowId('d', [{ id: 'd2' }, { id: 'd3' }])).toBe('d4');
    expect(nextRowId('d', [{ id: 'd3' }])).toBe('d2');
  });
});
