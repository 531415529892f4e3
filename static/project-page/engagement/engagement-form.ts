import { engagementSchema, type EngagementJson, type QualityStandardJson } from '../../../contract/engagement';
import type { ENGAGEMENT_MESSAGES } from '../../../contract/i18n/engagement-messages';
import type { KeyOf } from '../../../contract/i18n/strings';
import { toNumber } from '../changes/change-drafts';

/** The message key for a field problem. */
export type EngagementErrorKey = Extract<KeyOf<typeof ENGAGEMENT_MESSAGES>, `engagement.error.${string}`>;
/** Problems by form field: `clientName`, `deliverables.0.name`, `standards.1.priorities`… */
export type EngagementFieldErrors = Readonly<Record<string, EngagementErrorKey>>;

export interface DeliverableForm {
  id: string;
  name: string;
  description: string;
  milestoneIds: string[];
  epicKeys: string;
}

export interface StandardForm {
  id: string;
  kind: QualityStandardJson['kind'];
  priorities: string;
  max: string;
  text: string;
}

/** The form's fields as typed: numbers and lists stay text until saved. */
export interface EngagementForm {
  clientName: string;
  scope: string;
  kpisAgreed: boolean;
  budgetHours: string;
  budgetAmount: string;
  currency: string;
  deliverables: DeliverableForm[];
  standards: StandardForm[];
  supportOn: boolean;
  responseHours: string;
  resolutionHours: string;
  clientLabel: string;
  clientTypeIds: string;
}

export function toEngagementForm(e: EngagementJson): EngagementForm {
  return {
    clientName: e.clientName,
    scope: e.scope,
    kpisAgreed: e.kpisAgreedAt !== null,
    budgetHours: e.budget.hours === null ? '' : String(e.budget.hours),
    budgetAmount: e.budget.money === null ? '' : String(e.budget.money.amount),
    currency: e.budget.money?.currency ?? '',
    deliverables: e.deliverables.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      milestoneIds: [...d.milestoneIds],
      epicKeys: d.epicKeys.join(', '),
    })),
    standards: e.qualityStandards.map((s) => ({
      id: s.id,
      kind: s.kind,
      priorities: s.kind === 'no-open-bugs-at-priority' ? s.priorities.join(', ') : '',
      max: s.kind === 'max-open-bugs' ? String(s.max) : '',
      text: s.kind === 'text' ? s.text : '',
    })),
    supportOn: e.support !== null,
    responseHours: String(e.support?.responseHours ?? 8),
    resolutionHours: String(e.support?.resolutionHours ?? 72),
    clientLabel: e.support?.clientLabel ?? '',
    clientTypeIds: e.support?.clientIssueTypeIds.join(', ') ?? '',
  };
}

/** An id no other row of the list has: the first free `<prefix><n>`. */
export function nextRowId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((t) => t.id));
  let n = taken.length + 1;
  while (ids.has(`${prefix}${String(n)}`)) n += 1;
  return `${prefix}${String(n)}`;
}

const splitList = (text: string, upper = false): string[] =>
  text
    .split(/[,，;\n]+/u)
    .map((k) => (upper ? k.trim().toUpperCase() : k.trim()))
    .filter((k) => k !== '');

function toStandard(s: StandardForm): unknown {
  switch (s.kind) {
    case 'no-open-bugs-at-priority':
      return { id: s.id, kind: s.kind, priorities: splitList(s.priorities) };
    case 'max-open-bugs':
      return { id: s.id, kind: s.kind, max: toNumber(s.max) };
    case 'text':
      return { id: s.id, kind: s.kind, text: s.text };
  }
}

/** Where a contract path lands in the form, and what to say there. */
function toField(path: readonly string[]): [string, EngagementErrorKey] | undefined {
  const [head, index, field] = path;
  const at = (name: string, key: EngagementErrorKey): [string, EngagementErrorKey] => [name, key];
  switch (head) {
    case 'clientName':
      return at('clientName', 'engagement.error.invalid');
    case 'scope':
      return at('scope', 'engagement.error.invalid');
    case 'phase':
      return at('phase', 'engagement.error.phase');
    case 'budget':
      if (index === 'hours') return at('budgetHours', 'engagement.error.hours');
      return field === 'currency' ? at('currency', 'engagement.error.currency') : at('budgetAmount', 'engagement.error.amount');
    case 'deliverables':
      if (index === undefined) return undefined;
      if (field === 'name') return at(`deliverables.${index}.name`, 'engagement.error.required');
      if (field === 'epicKeys') return at(`deliverables.${index}.epicKeys`, 'engagement.error.issueKeys');
      return at(`deliverables.${index}.description`, 'engagement.error.invalid');
    case 'qualityStandards':
      if (index === undefined) return undefined;
      if (field === 'max') return at(`standards.${index}.max`, 'engagement.error.count');
      if (field === 'text') return at(`standards.${index}.text`, 'engagement.error.required');
      return at(`standards.${index}.priorities`, 'engagement.error.priorities');
    case 'support':
      if (index === 'responseHours') return at('responseHours', 'engagement.error.wholeHours');
      if (index === 'resolutionHours') return at('resolutionHours', 'engagement.error.wholeHours');
      if (index === 'clientLabel') return at('clientLabel', 'engagement.error.label');
      return at('clientTypeIds', 'engagement.error.typeIds');
    default:
      return undefined;
  }
}

/** Field problems from contract paths (the form's own check, or the server's `fields` under `engagement.`). */
export function toEngagementFieldErrors(paths: readonly string[]): EngagementFieldErrors {
  const errors: Record<string, EngagementErrorKey> = {};
  for (const raw of paths) {
    const hit = toField(raw.replace(/^engagement\./u, '').split('.'));
    if (hit && errors[hit[0]] === undefined) errors[hit[0]] = hit[1];
  }
  return errors;
}

/**
 * The engagement the form describes, checked with the contract's schema. The phase is the
 * loaded one (it moves with its own buttons); "KPIs agreed" keeps the agreed time or asks the
 * server to record it now.
 */
export function toEngagement(
  form: EngagementForm,
  loaded: EngagementJson,
): { ok: true; engagement: EngagementJson } | { ok: false; errors: EngagementFieldErrors } {
  const hasMoney = form.budgetAmount.trim() !== '' || form.currency.trim() !== '';
  const candidate = {
    clientName: form.clientName,
    scope: form.scope,
    deliverables: form.deliverables.map((d) => ({
      id: d.id,
      name: d.name,
      description: d.description,
      milestoneIds: d.milestoneIds,
      epicKeys: splitList(d.epicKeys, true),
    })),
    budget: {
      hours: form.budgetHours.trim() === '' ? null : toNumber(form.budgetHours),
      money: hasMoney ? { amount: toNumber(form.budgetAmount), currency: form.currency.trim().toUpperCase() } : null,
    },
    qualityStandards: form.standards.map(toStandard),
    support: form.supportOn
      ? {
          responseHours: toNumber(form.responseHours),
          resolutionHours: toNumber(form.resolutionHours),
          clientLabel: form.clientLabel.trim() === '' ? null : form.clientLabel.trim(),
          clientIssueTypeIds: splitList(form.clientTypeIds),
        }
      : null,
    phase: loaded.phase,
    kpisAgreedAt: form.kpisAgreed ? (loaded.kpisAgreedAt ?? new Date().toISOString()) : null,
  };
  const parsed = engagementSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, engagement: parsed.data };
  return { ok: false, errors: toEngagementFieldErrors(parsed.error.issues.map((i) => i.path.map(String).join('.'))) };
}
