import { describe, expect, it } from 'vitest';
import { newRiskDraft, toRiskDraft, toRiskField, toRiskInput } from './risk-drafts';

const draft = (over: Partial<ReturnType<typeof newRiskDraft>> = {}) => ({ ...newRiskDraft('r1'), title: 'Vendor late', ...over });

describe('toRiskInput', () => {
  it('turns the inputs into the contract’s risk: numbers, keys split and upper-cased, empty date as none', () => {
    const result = toRiskInput(draft({ probability: '4', impact: '2', linkedIssueKeys: 'acme-1, ACME-2  acme-3', due: '' }));
    expect(result.ok && result.input).toMatchObject({
      probability: 4,
      impact: 2,
      linkedIssueKeys: ['ACME-1', 'ACME-2', 'ACME-3'],
      due: null,
    });
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title', 'riskRegister.error.title'],
    ['a probability of 6', { probability: '6' }, 'probability', 'riskRegister.error.rating'],
    ['an impact of 0', { impact: '0' }, 'impact', 'riskRegister.error.rating'],
    ['a day that does not exist', { due: '2026-02-30' }, 'due', 'riskRegister.error.day'],
    ['a malformed key', { linkedIssueKeys: 'ACME-1, not a key' }, 'linkedIssueKeys', 'riskRegister.error.linkedKey'],
    ['a key twice', { linkedIssueKeys: 'ACME-1, acme-1' }, 'linkedIssueKeys', 'riskRegister.error.linkedKey'],
    ['client-visible without wording', { clientVisible: true, clientWording: '' }, 'clientWording', 'riskRegister.error.clientWording'],
    ['a mitigation over 2,000 characters', { mitigation: 'x'.repeat(2001) }, 'mitigation', 'riskRegister.error.tooLong'],
  ] as const)('refuses %s beside its field', (_name, over, field, key) => {
    expect(toRiskInput(draft(over))).toEqual({ ok: false, errors: { [field]: key } });
  });
});

describe('toRiskDraft and toRiskField', () => {
  it('round-trips a stored risk through the editor', () => {
    const input = toRiskInput(
      draft({ linkedIssueKeys: 'ACME-1', due: '2026-03-20', clientVisible: true, clientWording: 'Delay possible' }),
    );
    if (!input.ok) throw new Error('invalid');
    const stored = { ...input.input, promotedFrom: null, jiraIssueKey: null, createdAt: 'x', updatedAt: 'x', revision: 3 };
    expect(toRiskInput(toRiskDraft(stored))).toEqual(input);
  });
  it.each([
    ['risk.linkedIssueKeys.2', 'linkedIssueKeys'],
    ['risk.clientWording', 'clientWording'],
    ['risk.id', undefined],
    ['revision', undefined],
  ])('maps the server’s path %s to %s', (path, field) => {
    expect(toRiskField(path)).toBe(field);
  });
});
