import { useMemo, useState, type SyntheticEvent } from 'react';
import type { StakeholderJson } from '../../../contract/comms';
import { FEEDBACK_SOURCES } from '../../../contract/feedback';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { SelectInput, TextInput } from './FeedbackFields';
import { EMPTY_FILTERS, toListPayload, type FilterDraft } from './feedback-drafts';
import { useFeedbackPages } from './use-feedback-pages';
import { useFeedbackT } from './use-feedback-messages';

const RATING_OPTIONS = ['1', '2', '3', '4', '5'];

/** Every piece of feedback, newest first, filtered and read a page at a time. */
export function FeedbackList({ stakeholders, generation }: { stakeholders: readonly StakeholderJson[]; generation: number }) {
  const t = useFeedbackT();
  const { formatDay } = useI18n();
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_FILTERS);
  const [applied, setApplied] = useState<FilterDraft>(EMPTY_FILTERS);
  // `generation` in the payload's identity makes the list start over after a write.
  const payload = useMemo(() => (generation >= 0 ? toListPayload(applied) : {}), [applied, generation]);
  const pages = useFeedbackPages('feedback/list', payload);
  const names = new Map(stakeholders.map((s) => [s.id, s.name]));
  const set = (key: keyof FilterDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const apply = (event: SyntheticEvent) => {
    event.preventDefault();
    setApplied(draft);
  };
  const any = { value: '', label: t('feedback.filters.any') };
  return (
    <section className="cf-group" aria-labelledby="cf-fb-list" data-testid="feedback-list">
      <h3 id="cf-fb-list">{t('feedback.list.heading')}</h3>
      <form
        noValidate
        onSubmit={apply}
        aria-label={t('feedback.filters.heading')}
        className="cf-feedback-grid"
        data-testid="feedback-filters"
      >
        <SelectInput
          id="filter-source"
          label={t('feedback.filters.source')}
          value={draft.source}
          options={[any, ...FEEDBACK_SOURCES.map((s) => ({ value: s, label: t(`feedback.source.${s}`) }))]}
          onChange={set('source')}
        />
        <SelectInput
          id="filter-rating-min"
          label={t('feedback.filters.ratingMin')}
          value={draft.ratingMin}
          options={[any, ...RATING_OPTIONS.map((r) => ({ value: r, label: r }))]}
          onChange={set('ratingMin')}
        />
        <SelectInput
          id="filter-rating-max"
          label={t('feedback.filters.ratingMax')}
          value={draft.ratingMax}
          options={[any, ...RATING_OPTIONS.map((r) => ({ value: r, label: r }))]}
          onChange={set('ratingMax')}
        />
        <SelectInput
          id="filter-stakeholder"
          label={t('feedback.filters.stakeholder')}
          value={draft.stakeholderId}
          options={[any, ...stakeholders.map((s) => ({ value: s.id, label: s.name }))]}
          onChange={set('stakeholderId')}
        />
        <TextInput id="filter-from" type="date" label={t('feedback.filters.from')} value={draft.from} onChange={set('from')} />
        <TextInput id="filter-to" type="date" label={t('feedback.filters.to')} value={draft.to} onChange={set('to')} />
        <div className="cf-actions">
          <button type="submit" className="cf-button" data-testid="feedback-filters-apply">
            {t('feedback.filters.apply')}
          </button>
          <button
            type="button"
            className="cf-button cf-button-subtle"
            onClick={() => {
              setDraft(EMPTY_FILTERS);
              setApplied(EMPTY_FILTERS);
            }}
          >
            {t('feedback.filters.clear')}
          </button>
        </div>
      </form>
      {pages.error && (
        <p className="cf-error-text" role="alert">
          {t(`error.${pages.error.code}`)}
        </p>
      )}
      {!pages.loading && pages.items.length === 0 ? (
        <p className="cf-hint" data-testid="feedback-list-none">
          {t('feedback.list.none')}
        </p>
      ) : (
        <ul className="cf-feedback-records" data-testid="feedback-entries">
          {pages.items.map((f) => (
            <li key={f.id} className="cf-feedback-record" data-testid={`feedback-entry-${f.id}`}>
              <span>
                <strong>
                  {t('feedback.list.rating')}: {f.rating}/5
                </strong>
                {f.nps !== null && ` · ${t('feedback.list.nps')}: ${String(f.nps)}`}
                {f.complaint && (
                  <>
                    {' '}
                    <span className="cf-lozenge" data-status={f.complaint.status}>
                      {t('feedback.list.complaint')}
                    </span>
                  </>
                )}
              </span>
              <span className="cf-feedback-meta">
                {[
                  formatDay(f.createdAt.slice(0, 10)),
                  t(`feedback.source.${f.source}`),
                  f.stakeholderId === null ? t('feedback.list.anonymous') : (names.get(f.stakeholderId) ?? f.stakeholderId),
                ].join(' · ')}
              </span>
              {f.comment !== '' && <span>{f.comment}</span>}
            </li>
          ))}
        </ul>
      )}
      {pages.more && (
        <button type="button" className="cf-button" disabled={pages.loading} onClick={pages.loadMore} data-testid="feedback-list-more">
          {t('feedback.list.more')}
        </button>
      )}
    </section>
  );
}
