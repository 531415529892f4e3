import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  newFeedbackDraft,
  parseComplaintDraft,
  parseFeedbackDraft,
  toListPayload,
  toServerFieldErrors,
} from './feedback-drafts';

describe('parseFeedbackDraft', () => {
  it('turns the inputs into the feedback/add payload', () => {
    expect(parseFeedbackDraft({ ...newFeedbackDraft('u1'), rating: '2', nps: ' 7 ', comment: 'Slow', stakeholderId: 'client' })).toEqual({
      ok: true,
      payload: { rating: 2, nps: 7, comment: 'Slow', source: 'meeting', stakeholderId: 'client', submissionId: 'u1' },
    });
    expect(parseFeedbackDraft({ ...newFeedbackDraft('u1'), rating: '5' })).toMatchObject({ ok: true, payload: { stakeholderId: null } });
  });
  it.each([
    ['no rating', { rating: '' }, { rating: 'feedback.field.rating' }],
    ['an NPS of 11 and a fraction', { rating: '3', nps: '11' }, { nps: 'feedback.field.nps' }],
    ['an NPS that is not a number', { rating: '3', nps: 'ten' }, { nps: 'feedback.field.nps' }],
    ['a comment over 2,000 characters', { rating: '3', comment: 'x'.repeat(2001) }, { comment: 'feedback.field.comment' }],
  ])('refuses %s beside the field', (_name, patch, errors) => {
    expect(parseFeedbackDraft({ ...newFeedbackDraft('u1'), ...patch })).toEqual({ ok: false, errors });
  });
});

describe('parseComplaintDraft', () => {
  it('asks for a note when resolving, and a valid due day', () => {
    expect(parseComplaintDraft('f1', { ownerId: '', due: '2026-02-30', status: 'resolved', resolutionNote: ' ' })).toEqual({
      ok: false,
      errors: { due: 'feedback.field.due', resolutionNote: 'feedback.field.resolutionNote' },
    });
    expect(parseComplaintDraft('f1', { ownerId: 'pm', due: '2026-12-01', status: 'resolved', resolutionNote: 'Called' })).toEqual({
      ok: true,
      payload: { feedbackId: 'f1', ownerId: 'pm', due: '2026-12-01', status: 'resolved', resolutionNote: 'Called' },
    });
  });
  it('places the server refusal beside its fields', () => {
    expect(
      toServerFieldErrors(
        {
          code: 'INVALID_PAYLOAD',
          message: '',
          fields: [
            { path: 'ownerId', message: '' },
            { path: 'other', message: '' },
          ],
        },
        ['ownerId', 'due'],
      ),
    ).toEqual({ ownerId: 'feedback.field.ownerId' });
  });
});

describe('toListPayload', () => {
  it('keeps the filters the contract accepts and drops the rest', () => {
    expect(toListPayload(EMPTY_FILTERS)).toEqual({});
    expect(toListPayload({ ...EMPTY_FILTERS, source: 'survey', ratingMin: '2', ratingMax: '9', from: '2026-11-01', to: 'x' })).toEqual({
      source: 'survey',
      ratingMin: 2,
      from: '2026-11-01',
    });
  });
});
