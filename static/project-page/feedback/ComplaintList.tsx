import { useMemo, useState, type SyntheticEvent } from 'react';
import type { AppErrorJson, PayloadOf } from '../../../contract';
import type { StakeholderJson } from '../../../contract/comms';
import { COMPLAINT_STATUSES, type FeedbackEntryJson } from '../../../contract/feedback';
import { useBackend } from '../../shared/BackendProvider';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { JiraLink } from '../../shared/JiraLink';
import { SelectInput, TextArea, TextInput } from './FeedbackFields';
import {
  parseComplaintDraft,
  toComplaintDraft,
  toServerFieldErrors,
  type ComplaintDraft,
  type ComplaintField,
  type FieldErrors,
} from './feedback-drafts';
import { useFeedbackPages } from './use-feedback-pages';
import { useFeedbackT } from './use-feedback-messages';

function ComplaintItem({
  entry,
  stakeholders,
  canEdit,
  today,
  onSaved,
}: {
  entry: FeedbackEntryJson;
  stakeholders: readonly StakeholderJson[];
  canEdit: boolean;
  today: string;
  onSaved: (entry: FeedbackEntryJson) => void;
}) {
  const t = useFeedbackT();
  const backend = useBackend();
  const { formatDay, locale } = useI18n();
  const [draft, setDraft] = useState<ComplaintDraft>(() => toComplaintDraft(entry));
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<ComplaintField>>({});
  const [failure, setFailure] = useState<{ error: AppErrorJson; what: 'save' | 'issue' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const complaint = entry.complaint;
  if (!complaint) return null;
  const checked = parseComplaintDraft(entry.id, draft);
  const errors = { ...(tried && !checked.ok ? checked.errors : {}), ...serverErrors };
  const overdue = complaint.status !== 'resolved' && complaint.due < today;
  const person = stakeholders.find((s) => s.id === entry.stakeholderId)?.name ?? t('feedback.list.anonymous');
  const set = (key: keyof ComplaintDraft) => (value: string) => {
    setServerErrors({});
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const save = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    if (!checked.ok) return;
    setBusy(true);
    setFailure(null);
    setNotice('');
    void backend.call('complaint/save', checked.payload).then((answer) => {
      setBusy(false);
      if (answer.ok) {
        setNotice(t('feedback.complaints.saved'));
        onSaved(answer.data.entry);
        return;
      }
      const fieldErrors = toServerFieldErrors(answer.error, ['ownerId', 'due', 'resolutionNote'] as const);
      if (Object.keys(fieldErrors).length > 0) setServerErrors(fieldErrors);
      else setFailure({ error: answer.error, what: 'save' });
    });
  };
  const createIssue = () => {
    setBusy(true);
    setFailure(null);
    void backend.call('complaint/issue', { feedbackId: entry.id, lang: locale }).then((answer) => {
      setBusy(false);
      if (answer.ok) onSaved(answer.data.entry);
      else setFailure({ error: answer.error, what: 'issue' });
    });
  };
  const id = (field: string) => `complaint-${entry.id}-${field}`;
  return (
    <li
      className="cf-feedback-record"
      data-testid={`feedback-complaint-${entry.id}`}
      data-status={complaint.status}
      data-overdue={String(overdue)}
    >
      <span>
        <span className="cf-lozenge" data-status={complaint.status}>
          {t(`feedback.complaints.status.${complaint.status}`)}
        </span>{' '}
        {overdue && <span className="cf-feedback-overdue">{t('feedback.complaints.overdue')}</span>}{' '}
        <strong>{t('feedback.complaints.rated', { rating: entry.rating, day: formatDay(entry.createdAt.slice(0, 10)) })}</strong>
      </span>
      <span className="cf-feedback-meta">
        {[person, t(`feedback.source.${entry.source}`), `${t('feedback.complaints.due')}: ${formatDay(complaint.due)}`].join(' · ')}
      </span>
      {entry.comment !== '' && <q>{entry.comment}</q>}
      {complaint.jiraIssueKey !== null && (
        <span data-testid={`feedback-complaint-issue-${entry.id}`}>
          <JiraLink issueKeys={[complaint.jiraIssueKey]}>{t('feedback.complaints.issue', { key: complaint.jiraIssueKey })}</JiraLink>
        </span>
      )}
      {!canEdit ? (
        complaint.resolutionNote !== '' && <span className="cf-feedback-meta">{complaint.resolutionNote}</span>
      ) : (
        <form noValidate onSubmit={save} aria-label={t('feedback.complaints.heading')} className="cf-feedback-grid">
          <SelectInput
            id={id('owner')}
            label={t('feedback.complaints.owner')}
            value={draft.ownerId}
            error={errors.ownerId}
            options={[
              { value: '', label: t('feedback.complaints.noOwner') },
              ...stakeholders.filter((s) => s.side === 'internal').map((s) => ({ value: s.id, label: s.name })),
            ]}
            onChange={set('ownerId')}
          />
          <TextInput
            id={id('due')}
            type="date"
            label={t('feedback.complaints.due')}
            value={draft.due}
            error={errors.due}
            onChange={set('due')}
          />
          <SelectInput
            id={id('status')}
            label={t('feedback.complaints.status')}
            value={draft.status}
            options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`feedback.complaints.status.${s}`) }))}
            onChange={set('status')}
          />
          <TextArea
            id={id('note')}
            label={t('feedback.complaints.note')}
            value={draft.resolutionNote}
            error={errors.resolutionNote}
            onChange={set('resolutionNote')}
          />
          <div className="cf-actions">
            <button
              type="submit"
              className="cf-button cf-button-primary"
              disabled={busy}
              data-testid={`feedback-complaint-save-${entry.id}`}
            >
              {t('feedback.complaints.save')}
            </button>
            {complaint.jiraIssueKey === null && (
              <button
                type="button"
                className="cf-button"
                disabled={busy}
                onClick={createIssue}
                data-testid={`feedback-complaint-create-issue-${entry.id}`}
              >
                {t('feedback.complaints.createIssue')}
              </button>
            )}
          </div>
        </form>
      )}
      <p role="status" className="cf-feedback-notice">
        {notice}
      </p>
      {failure && (
        <p className="cf-error-text" role="alert">
          {failure.what === 'issue'
            ? t('feedback.complaints.issueFailed', { reason: t(`error.${failure.error.code}`) })
            : t(`error.${failure.error.code}`)}
        </p>
      )}
    </li>
  );
}

/** Complaints to follow up (unresolved by default), a page at a time. */
export function ComplaintList({
  stakeholders,
  today,
  generation,
  onChanged,
}: {
  stakeholders: readonly StakeholderJson[];
  today: string;
  /** Bumped by the section after a write elsewhere (new feedback, an import): the list reloads. */
  generation: number;
  onChanged: () => void;
}) {
  const t = useFeedbackT();
  const [showResolved, setShowResolved] = useState(false);
  // `generation` in the payload's identity makes the list start over after a write.
  const payload = useMemo<PayloadOf<'complaint/list'>>(
    () => (generation >= 0 && showResolved ? { status: 'resolved' } : {}),
    [showResolved, generation],
  );
  const pages = useFeedbackPages('complaint/list', payload, 10);
  return (
    <section className="cf-group" aria-labelledby="cf-fb-complaints" data-testid="feedback-complaints">
      <h3 id="cf-fb-complaints">{t('feedback.complaints.heading')}</h3>
      <label className="cf-choice">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(event) => {
            setShowResolved(event.target.checked);
          }}
        />{' '}
        {t('feedback.complaints.showResolved')}
      </label>
      {pages.error && (
        <p className="cf-error-text" role="alert">
          {t(`error.${pages.error.code}`)}
        </p>
      )}
      {!pages.loading && pages.items.length === 0 ? (
        <p className="cf-hint">{t('feedback.complaints.none')}</p>
      ) : (
        <ul className="cf-feedback-records">
          {pages.items.map((entry) => (
            <ComplaintItem
              key={entry.id}
              entry={entry}
              stakeholders={stakeholders}
              canEdit={pages.canEdit}
              today={today}
              onSaved={(saved) => {
                pages.replace(saved);
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      {pages.more && (
        <button type="button" className="cf-button" disabled={pages.loading} onClick={pages.loadMore}>
          {t('feedback.list.more')}
        </button>
      )}
    </section>
  );
}
