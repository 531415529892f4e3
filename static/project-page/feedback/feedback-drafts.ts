/**
 * The Feedback section's forms as data: what the inputs hold, how that becomes a payload the
 * contract's own schemas accept, and which field each problem belongs to. Pure.
 */
import * as z from 'zod/mini';
import type { AppErrorJson, PayloadOf } from '../../../contract';
import { feedbackResolverContract, type FeedbackEntryJson } from '../../../contract/feedback';
import type { FeedbackKey } from './use-feedback-messages';

export interface FeedbackDraft {
  /** Generated once per opened form: a retried save never stores the feedback twice. */
  submissionId: string;
  rating: string;
  nps: string;
  comment: string;
  source: 'pm' | 'meeting';
  stakeholderId: string;
}

export type FeedbackField = 'rating' | 'nps' | 'comment' | 'stakeholderId';
export type FieldErrors<F extends string> = Partial<Record<F, FeedbackKey>>;

export function newFeedbackDraft(submissionId: string): FeedbackDraft {
  return { submissionId, rating: '', nps: '', comment: '', source: 'meeting', stakeholderId: '' };
}

const FIELD_KEYS: Record<string, FeedbackKey> = {
  rating: 'feedback.field.rating',
  nps: 'feedback.field.nps',
  comment: 'feedback.field.comment',
  stakeholderId: 'feedback.field.stakeholderId',
  ownerId: 'feedback.field.ownerId',
  resolutionNote: 'feedback.field.resolutionNote',
  due: 'feedback.field.due',
};

/** Each problem under the field it names (the first path segment), worded by the field. */
export function toFieldErrors<F extends string>(paths: readonly string[], fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const path of paths) {
    const field = path.split('.')[0] as F;
    if (fields.includes(field)) errors[field] = FIELD_KEYS[field] ?? 'feedback.field.invalid';
  }
  return errors;
}

/** The server's refusal as field errors, when it names fields this form has. */
export function toServerFieldErrors<F extends string>(error: AppErrorJson, fields: readonly F[]): FieldErrors<F> {
  return toFieldErrors(
    (error.fields ?? []).map((f) => f.path),
    fields,
  );
}

const FEEDBACK_FIELDS: readonly FeedbackField[] = ['rating', 'nps', 'comment', 'stakeholderId'];

export function parseFeedbackDraft(
  draft: FeedbackDraft,
): { ok: true; payload: PayloadOf<'feedback/add'> } | { ok: false; errors: FieldErrors<FeedbackField> } {
  const candidate = {
    rating: draft.rating === '' ? Number.NaN : Number(draft.rating),
    ...(draft.nps.trim() === '' ? {} : { nps: /^\d+$/u.test(draft.nps.trim()) ? Number(draft.nps.trim()) : Number.NaN }),
    comment: draft.comment,
    source: draft.source,
    stakeholderId: draft.stakeholderId === '' ? null : draft.stakeholderId,
    submissionId: draft.submissionId,
  };
  const parsed = z.safeParse(feedbackResolverContract['feedback/add'].payload, candidate);
  if (parsed.success) return { ok: true, payload: candidate };
  return {
    ok: false,
    errors: toFieldErrors(
      parsed.error.issues.map((i) => i.path.map(String).join('.')),
      FEEDBACK_FIELDS,
    ),
  };
}

export interface ComplaintDraft {
  ownerId: string;
  due: string;
  status: 'open' | 'in-progress' | 'resolved';
  resolutionNote: string;
}
export type ComplaintField = 'ownerId' | 'due' | 'resolutionNote';
const COMPLAINT_FIELDS: readonly ComplaintField[] = ['ownerId', 'due', 'resolutionNote'];

export function toComplaintDraft(entry: FeedbackEntryJson): ComplaintDraft {
  const c = entry.complaint;
  return { ownerId: c?.ownerId ?? '', due: c?.due ?? '', status: c?.status ?? 'open', resolutionNote: c?.resolutionNote ?? '' };
}

/** A follow-up update, checked here as the server will: a resolved complaint says how. */
export function parseComplaintDraft(
  feedbackId: string,
  draft: ComplaintDraft,
): { ok: true; payload: PayloadOf<'complaint/save'> } | { ok: false; errors: FieldErrors<ComplaintField> } {
  const payload = {
    feedbackId,
    ownerId: draft.ownerId === '' ? null : draft.ownerId,
    due: draft.due,
    status: draft.status,
    resolutionNote: draft.resolutionNote,
  };
  const parsed = z.safeParse(feedbackResolverContract['complaint/save'].payload, payload);
  const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.map(String).join('.'));
  if (draft.status === 'resolved' && draft.resolutionNote.trim() === '') paths.push('resolutionNote');
  if (paths.length === 0) return { ok: true, payload };
  return { ok: false, errors: toFieldErrors(paths, COMPLAINT_FIELDS) };
}

/** The list's filters as the inputs hold them; empty means "any". */
export interface FilterDraft {
  source: string;
  ratingMin: string;
  ratingMax: string;
  stakeholderId: string;
  from: string;
  to: string;
}
export const EMPTY_FILTERS: FilterDraft = { source: '', ratingMin: '', ratingMax: '', stakeholderId: '', from: '', to: '' };

/** The `feedback/list` payload of the filters; a value the contract refuses is left out. */
export function toListPayload(filters: FilterDraft): PayloadOf<'feedback/list'> {
  const candidate: Record<string, unknown> = {};
  if (filters.source !== '') candidate.source = filters.source;
  if (filters.ratingMin !== '') candidate.ratingMin = Number(filters.ratingMin);
  if (filters.ratingMax !== '') candidate.ratingMax = Number(filters.ratingMax);
  if (filters.stakeholderId !== '') candidate.stakeholderId = filters.stakeholderId;
  if (filters.from !== '') candidate.from = filters.from;
  if (filters.to !== '') candidate.to = filters.to;
  const schema = feedbackResolverContract['feedback/list'].payload;
  const kept = Object.fromEntries(Object.entries(candidate).filter(([k, v]) => z.safeParse(schema, { [k]: v }).success));
  const parsed = z.safeParse(schema, kept);
  return parsed.success ? parsed.data : {};
}
