import * as z from 'zod/mini';
import type { RISK_REGISTER_MESSAGES } from '../../../contract/i18n/risk-register-messages';
import type { KeyOf } from '../../../contract/i18n/strings';
import { riskInputSchema, type RegisterRiskJson, type RiskInputJson, type RegisterRiskStatus } from '../../../contract/risks';

/** What the editor holds: every field as the inputs give it. */
export interface RiskDraft {
  id: string;
  title: string;
  description: string;
  probability: string;
  impact: string;
  ownerName: string;
  ownerAccountId: string | null;
  mitigation: string;
  trigger: string;
  due: string;
  status: RegisterRiskStatus;
  linkedIssueKeys: string;
  clientVisible: boolean;
  clientWording: string;
}

export type RiskField = keyof Omit<RiskDraft, 'id' | 'ownerAccountId'>;
export type RiskErrorKey = KeyOf<typeof RISK_REGISTER_MESSAGES>;
export type RiskErrors = Partial<Record<RiskField, RiskErrorKey>>;

/** A new risk's draft, with a fresh id. */
export function newRiskDraft(id: string): RiskDraft {
  return {
    id,
    title: '',
    description: '',
    probability: '3',
    impact: '3',
    ownerName: '',
    ownerAccountId: null,
    mitigation: '',
    trigger: '',
    due: '',
    status: 'open',
    linkedIssueKeys: '',
    clientVisible: false,
    clientWording: '',
  };
}

export function toRiskDraft(risk: RegisterRiskJson): RiskDraft {
  return {
    id: risk.id,
    title: risk.title,
    description: risk.description,
    probability: String(risk.probability),
    impact: String(risk.impact),
    ownerName: risk.ownerName,
    ownerAccountId: risk.ownerAccountId,
    mitigation: risk.mitigation,
    trigger: risk.trigger,
    due: risk.due ?? '',
    status: risk.status,
    linkedIssueKeys: risk.linkedIssueKeys.join(', '),
    clientVisible: risk.clientVisible,
    clientWording: risk.clientWording,
  };
}

/** The message shown beside a field whose value the contract refuses. */
const FIELD_ERRORS: Readonly<Record<RiskField, RiskErrorKey>> = {
  title: 'riskRegister.error.title',
  description: 'riskRegister.error.tooLong',
  probability: 'riskRegister.error.rating',
  impact: 'riskRegister.error.rating',
  ownerName: 'riskRegister.error.tooLong',
  mitigation: 'riskRegister.error.tooLong',
  trigger: 'riskRegister.error.tooLong',
  due: 'riskRegister.error.day',
  status: 'riskRegister.error.invalid',
  linkedIssueKeys: 'riskRegister.error.linkedKey',
  clientVisible: 'riskRegister.error.invalid',
  clientWording: 'riskRegister.error.clientWording',
};

/** A field's name from an error path the contract gave (`risk.linkedIssueKeys.2` → `linkedIssueKeys`). */
export function toRiskField(path: readonly PropertyKey[] | string): RiskField | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  const name = parts[0] === 'risk' ? parts[1] : parts[0];
  return name !== undefined && Object.hasOwn(FIELD_ERRORS, name) ? (name as RiskField) : undefined;
}

export function errorFor(field: RiskField): RiskErrorKey {
  return FIELD_ERRORS[field];
}

/**
 * The draft as the contract's input, or the errors to show beside each field. Linked keys are
 * split on commas and spaces and upper-cased; an empty due date is none.
 */
export function toRiskInput(draft: RiskDraft): { ok: true; input: RiskInputJson } | { ok: false; errors: RiskErrors } {
  const candidate = {
    id: draft.id,
    title: draft.title,
    description: draft.description,
    probability: Number(draft.probability),
    impact: Number(draft.impact),
    ownerName: draft.ownerName,
    ownerAccountId: draft.ownerAccountId,
    mitigation: draft.mitigation,
    trigger: draft.trigger,
    due: draft.due.trim() === '' ? null : draft.due.trim(),
    status: draft.status,
    linkedIssueKeys: draft.linkedIssueKeys
      .split(/[\s,]+/u)
      .filter((k) => k !== '')
      .map((k) => k.toUpperCase()),
    clientVisible: draft.clientVisible,
    clientWording: draft.clientWording,
  };
  const parsed = z.safeParse(riskInputSchema, candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: RiskErrors = {};
  for (const issue of parsed.error.issues) {
    const field = toRiskField(issue.path);
    if (field && errors[field] === undefined) errors[field] = FIELD_ERRORS[field];
  }
  return { ok: false, errors };
}
