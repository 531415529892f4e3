import { changeDraftSchema, type ChangeDraftJson, type ChangeRequestJson } from '../../../contract/changes';
import type { CHANGE_MESSAGES } from '../../../contract/i18n/change-messages';
import type { KeyOf } from '../../../contract/i18n/strings';

/** The message key for a field problem. */
export type ChangeErrorKey = Extract<KeyOf<typeof CHANGE_MESSAGES>, `changes.error.${string}`>;
export type ChangeFieldErrors = Readonly<Partial<Record<ChangeFieldName, ChangeErrorKey>>>;

/** The form's fields as typed: numbers and lists stay text until saved. */
export interface ChangeForm {
  id: string;
  title: string;
  description: string;
  internalNote: string;
  requester: string;
  scheduleDays: string;
  effortHours: string;
  costAmount: string;
  currency: string;
  scopeNote: string;
  linkedIssues: string;
  milestoneId: string;
  newTarget: string;
}
export type ChangeFieldName = Exclude<keyof ChangeForm, 'id'>;

export function newChangeForm(id: string): ChangeForm {
  return {
    id,
    title: '',
    description: '',
    internalNote: '',
    requester: '',
    scheduleDays: '0',
    effortHours: '0',
    costAmount: '',
    currency: '',
    scopeNote: '',
    linkedIssues: '',
    milestoneId: '',
    newTarget: '',
  };
}

export function toChangeForm(r: ChangeRequestJson): ChangeForm {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    internalNote: r.internalNote,
    requester: r.requester,
    scheduleDays: String(r.impact.scheduleDays),
    effortHours: String(r.impact.effortHours),
    costAmount: r.impact.cost === null ? '' : String(r.impact.cost.amount),
    currency: r.impact.cost?.currency ?? '',
    scopeNote: r.impact.scopeNote,
    linkedIssues: r.linkedIssueKeys.join(', '),
    milestoneId: r.milestone?.id ?? '',
    newTarget: r.milestone?.newTarget ?? '',
  };
}

const GROUPED = /^[+-]?\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?$/u;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$/u;
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/u;

/**
 * A number as typed. Thousands may be grouped with commas or spaces (`12,500`, `12 500.50`);
 * a comma with one or two digits after it is a decimal comma (`7,5`). Anything else — blank,
 * `1.234,56`, `12,5000` — is NaN, so the schema refuses it beside the field rather than guess.
 */
export function toNumber(text: string): number {
  const trimmed = text.trim();
  if (GROUPED.test(trimmed)) return Number(trimmed.replace(/[, \u00a0\u202f]/gu, ''));
  if (DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return PLAIN.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Where a contract path lands in the form, and what to say there. */
const BY_PATH: Readonly<Record<string, [ChangeFieldName, ChangeErrorKey]>> = {
  title: ['title', 'changes.error.required'],
  requester: ['requester', 'changes.error.required'],
  description: ['description', 'changes.error.invalid'],
  internalNote: ['internalNote', 'changes.error.invalid'],
  'impact.scheduleDays': ['scheduleDays', 'changes.error.number'],
  'impact.effortHours': ['effortHours', 'changes.error.hours'],
  'impact.cost.amount': ['costAmount', 'changes.error.amount'],
  'impact.cost.currency': ['currency', 'changes.error.currency'],
  'impact.scopeNote': ['scopeNote', 'changes.error.invalid'],
  linkedIssueKeys: ['linkedIssues', 'changes.error.issueKeys'],
  'milestone.id': ['milestoneId', 'changes.error.milestone'],
  'milestone.newTarget': ['newTarget', 'changes.error.day'],
};

/** Field problems from contract paths (the form's own check, or the server's `fields` under `request.`). */
export function toChangeFieldErrors(paths: readonly string[]): ChangeFieldErrors {
  const errors: Partial<Record<ChangeFieldName, ChangeErrorKey>> = {};
  for (const raw of paths) {
    const path = raw.replace(/^request\./u, '');
    const hit = BY_PATH[path] ?? (path.startsWith('linkedIssueKeys') ? BY_PATH.linkedIssueKeys : undefined);
    if (hit && errors[hit[0]] === undefined) errors[hit[0]] = hit[1];
  }
  return errors;
}

/**
 * The draft the form describes, checked with the contract's schema: a blank cost is no cost, a
 * blank currency with an amount is an error, keys are split on commas and spaces.
 */
export function toChangeDraft(form: ChangeForm): { ok: true; draft: ChangeDraftJson } | { ok: false; errors: ChangeFieldErrors } {
  const hasCost = form.costAmount.trim() !== '' || form.currency.trim() !== '';
  const candidate = {
    id: form.id,
    title: form.title,
    description: form.description,
    internalNote: form.internalNote,
    requester: form.requester,
    impact: {
      scheduleDays: toNumber(form.scheduleDays),
      effortHours: toNumber(form.effortHours),
      cost: hasCost ? { amount: toNumber(form.costAmount), currency: form.currency.trim().toUpperCase() } : null,
      scopeNote: form.scopeNote,
    },
    linkedIssueKeys: form.linkedIssues
      .split(/[\s,，]+/u)
      .map((k) => k.trim().toUpperCase())
      .filter((k) => k !== ''),
    milestone: form.milestoneId === '' ? null : { id: form.milestoneId, newTarget: form.newTarget === '' ? null : form.newTarget },
  };
  const parsed = changeDraftSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, draft: parsed.data };
  return { ok: false, errors: toChangeFieldErrors(parsed.error.issues.map((i) => i.path.map(String).join('.'))) };
}
