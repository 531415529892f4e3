/**
 * The Share section's new-link form: its values as typed, and the payload they make, checked
 * with the contract's own schema so each error shows beside its field before anything is sent.
 */
import * as z from 'zod/mini';
import type { Language, PayloadOf } from '../../../contract';
import { DEFAULT_EXPIRY_DAYS, SECTION_NAMES, shareResolverContract, type SectionName } from '../../../contract/share';

export interface ShareFormValues {
  scope: 'live' | 'report';
  reportId: string;
  lang: Language;
  sections: readonly SectionName[];
  label: string;
  expiresInDays: string;
  passcode: string;
}

export function initialShareForm(lang: Language): ShareFormValues {
  return {
    scope: 'live',
    reportId: '',
    lang,
    sections: [...SECTION_NAMES],
    label: '',
    expiresInDays: String(DEFAULT_EXPIRY_DAYS),
    passcode: '',
  };
}

export type ShareFormField = 'scope' | 'reportId' | 'lang' | 'sections' | 'label' | 'expiresInDays' | 'passcode';

/** Maps a payload path (`scope.reportId`) to the form field it belongs to. */
export function toShareFormField(path: string): ShareFormField | undefined {
  if (path.startsWith('scope.reportId')) return 'reportId';
  const head = path.split('.')[0] ?? '';
  return (['scope', 'lang', 'sections', 'label', 'expiresInDays', 'passcode'] as const).find((f) => f === head);
}

/**
 * The payload of `share/create`, or the fields at fault (each has its own message in the
 * catalogue). `maxDays` is the project's cap (the server checks it again).
 */
export function toCreatePayload(
  values: ShareFormValues,
  maxDays: number,
): { ok: true; payload: PayloadOf<'share/create'> } | { ok: false; errors: ReadonlySet<ShareFormField> } {
  const days = /^\d{1,4}$/u.test(values.expiresInDays.trim()) ? Number(values.expiresInDays.trim()) : Number.NaN;
  const payload = {
    scope: values.scope === 'live' ? { kind: 'live' as const } : { kind: 'report' as const, reportId: values.reportId },
    lang: values.lang,
    label: values.label,
    expiresInDays: days,
    sections: SECTION_NAMES.filter((s) => values.sections.includes(s)),
    ...(values.passcode !== '' ? { passcode: values.passcode } : {}),
  };
  const errors = new Set<ShareFormField>();
  const parsed = z.safeParse(shareResolverContract['share/create'].payload, payload);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.add(toShareFormField(issue.path.map(String).join('.')) ?? 'label');
  }
  if (!(days >= 1 && days <= maxDays)) errors.add('expiresInDays');
  if (errors.size > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, payload: parsed.data };
}
