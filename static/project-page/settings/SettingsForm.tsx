import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { DIMENSION_KEYS, LANGUAGES, type Language } from '../../../contract';
import { ClientVisibilityGroup } from './ClientVisibilityGroup';
import { FieldOverridesGroup } from './FieldOverridesGroup';
import { InlineConfirm } from './InlineConfirm';
import { ListField } from './ListField';
import { SelectField } from './SelectField';
import { inputIdOf } from './field-ids';
import { toFieldLabel } from './field-labels';
import { toChangedFields } from './rebase-form-values';
import { toFormStatus, toFormValues, type FieldId, type FormValues, type SettingsFormState } from './settings-form';
import { TextField } from './TextField';
import { ThresholdsGroup } from './ThresholdsGroup';
import { supportedTimeZones, toTimeZoneOptions } from './time-zones';
import type { JiraLists, Lookup } from './use-jira-lists';
import { useFloatingBar } from './use-floating-bar';
import { useSettingsMessages, type SettingsT } from './use-settings-messages';

export interface SettingsFormProps {
  state: SettingsFormState;
  lists: JiraLists;
  onEdit: (change: Partial<FormValues>) => void;
  onSave: () => void;
  /** Loads the stored settings and puts this PM's edits back on them (after a conflict). */
  onReapply: () => void;
  /** Loads the stored settings, dropping this PM's edits. */
  onReload: () => void;
  onResetToDefaults: () => void;
  onDiscard: () => void;
  /** The instant time zone offsets are shown for. */
  now: number;
}

const namesOf = (lookup: Lookup<string[]>): readonly string[] => (lookup.status === 'ready' ? lookup.data : []);

/** What the status line says: never only "unsaved" while Save is off for a reason it can name. */
function toStatusText(state: SettingsFormState, dirty: boolean, errorCount: number, t: SettingsT): string {
  if (state.phase === 'saving') return t('settings.saving');
  if (state.phase === 'reloading') return t('settings.reloading');
  if (state.notice === 'saved') return t('settings.status.saved');
  if (state.conflict !== null) return t('settings.status.conflict');
  if (dirty && errorCount > 0) {
    return errorCount === 1 ? t('settings.status.invalidOne') : t('settings.status.invalidOther', { count: errorCount });
  }
  if (dirty) return t('settings.status.unsaved');
  if (state.notice === 'reloaded') return t('settings.status.reloaded');
  return '';
}

/** Focuses a field's input (or the first control of its group) and brings it into view. */
function focusField(form: HTMLFormElement | null, field: FieldId): void {
  const target =
    form?.querySelector<HTMLElement>(`#${inputIdOf(field)}`) ??
    form?.querySelector<HTMLElement>(`[data-testid="setting-${field}"], [data-testid="list-${field}"] input`) ??
    (field === 'disabledDimensions' ? form?.querySelector<HTMLElement>('[data-testid^="dimension-"]') : null) ??
    (field === 'clientVisibility.mode' ? form?.querySelector<HTMLElement>('input[name="cf-visibility-mode"]:checked') : null);
  target?.focus();
}

/** At most this many of the other person's changed fields are named; the rest are counted. */
const THEIR_FIELDS_SHOWN = 8;

/**
 * Someone else saved first: says so, names what they changed (once their version is read), and
 * offers to re-apply this PM's edits on their version or to drop them.
 */
function ConflictNotice({
  state,
  busy,
  onReapply,
  onReload,
  noticeRef,
}: {
  state: SettingsFormState;
  busy: boolean;
  onReapply: () => void;
  onReload: () => void;
  noticeRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useSettingsMessages();
  const theirs = state.conflict?.theirs ?? null;
  const loaded = toFormValues(state.saved.settings);
  const theirFields = theirs === null ? [] : toChangedFields(loaded, toFormValues(theirs.settings));
  const mine = new Set(toChangedFields(loaded, state.values));
  const shown = theirFields.slice(0, THEIR_FIELDS_SHOWN);
  return (
    <div
      ref={noticeRef}
      tabIndex={-1}
      className="cf-message"
      data-appearance="warning"
      role="alert"
      aria-labelledby="cf-settings-conflict-title"
      data-testid="settings-conflict"
    >
      <strong id="cf-settings-conflict-title">{t('settings.conflict.title')}</strong>
      <p>{t('settings.conflict.body')}</p>
      {theirs !== null && theirFields.length === 0 && <p>{t('settings.conflict.noFieldChanged')}</p>}
      {theirFields.length > 0 && (
        <>
          <p id="cf-settings-conflict-theirs">{t('settings.conflict.theirChanges')}</p>
          <ul className="cf-field-list" aria-labelledby="cf-settings-conflict-theirs" data-testid="conflict-their-fields">
            {shown.map((changed) => (
              <li key={changed} data-field={changed}>
                {mine.has(changed) ? t('settings.conflict.alsoYours', { field: toFieldLabel(changed, t) }) : toFieldLabel(changed, t)}
              </li>
            ))}
            {theirFields.length > shown.length && <li>{t('settings.conflict.more', { count: theirFields.length - shown.length })}</li>}
          </ul>
        </>
      )}
      <p>{t('settings.conflict.choose')}</p>
      <div className="cf-message-actions">
        <button type="button" className="cf-button cf-button-primary" disabled={busy} data-testid="settings-reapply" onClick={onReapply}>
          {state.phase === 'reloading' ? t('settings.reloading') : t('settings.conflict.reapply')}
        </button>
        <button type="button" className="cf-button" disabled={busy} data-testid="settings-reload" onClick={onReload}>
          {t('settings.conflict.discard')}
        </button>
      </div>
    </div>
  );
}

/**
 * The Settings form: every group, then Save, Discard and Reset to defaults with the form's
 * status (Save and Discard follow the bottom of the screen while there are changes), a conflict
 * and its ways out, or a failed save. What it shows comes from `state`; what the PM does goes
 * out through the callbacks. A viewer gets the same form, read-only.
 */
export function SettingsForm({ state, lists, onEdit, onSave, onReapply, onReload, onResetToDefaults, onDiscard, now }: SettingsFormProps) {
  const { t } = useSettingsMessages();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const probes = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const conflictNotice = useRef<HTMLDivElement>(null);
  const reappliedNotice = useRef<HTMLDivElement>(null);
  const status = useMemo(() => toFormStatus(state), [state]);
  const errors = status.validation.ok ? {} : status.validation.errors;
  const errorCount = Object.keys(errors).length;
  const { values } = state;
  const readOnly = !state.saved.canEdit;
  const busy = state.phase !== 'editing';
  const timeZones = useMemo(() => toTimeZoneOptions(supportedTimeZones(), values.timeZone, now), [values.timeZone, now]);

  const statusText = toStatusText(state, status.dirty, errorCount, t);

  // The bar follows the bottom of the screen while there is something to save or just saved.
  const floating = useFloatingBar(
    { area: form, probes, slot, bar },
    !readOnly && (status.dirty || state.phase === 'saving' || state.notice === 'saved'),
  );

  // Focus follows what just happened: a conflict to its message, re-applied edits to the list of
  // them, a save or a reload to the status line (the button pressed may be disabled now).
  const conflicted = state.conflict !== null;
  useEffect(() => {
    if (conflicted) conflictNotice.current?.focus();
  }, [conflicted]);
  useEffect(() => {
    if (state.reapplied !== null) reappliedNotice.current?.focus();
  }, [state.reapplied]);
  useEffect(() => {
    // A reload from elsewhere (after deleting the project's data) leaves focus where it is.
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (state.notice === 'saved' || (state.notice === 'reloaded' && lost)) statusLine.current?.focus();
  }, [state.notice]);

  const closeReset = () => {
    setConfirmingReset(false);
    resetButton.current?.focus();
  };

  return (
    <form
      ref={form}
      noValidate
      aria-labelledby="cf-settings-heading"
      data-testid="settings-form"
      data-revision={state.saved.revision}
      data-can-edit={String(state.saved.canEdit)}
      onSubmit={(event) => {
        event.preventDefault();
        if (status.canSave) onSave();
      }}
    >
      {readOnly && (
        <div className="cf-message" data-appearance="info" data-testid="settings-read-only">
          <strong>{t('settings.readOnly.title')}</strong>
          <p>{t('settings.readOnly.body')}</p>
        </div>
      )}

      <ClientVisibilityGroup values={values} errors={errors} readOnly={readOnly} issueTypes={lists.issueTypes} onChange={onEdit} />

      <section className="cf-group" aria-labelledby="cf-settings-waiting" data-testid="settings-group-waiting">
        <h3 id="cf-settings-waiting">{t('settings.waiting.heading')}</h3>
        <p>{t('settings.waiting.intro')}</p>
        <div className="cf-fields">
          <ListField
            field="waitingOnClientStatuses"
            label={t('settings.waiting.statuses')}
            addLabel={t('settings.waiting.addStatus')}
            hint={t('settings.waiting.statusesHint')}
            items={values.waitingOnClientStatuses}
            suggestions={namesOf(lists.statuses)}
            error={errors.waitingOnClientStatuses}
            readOnly={readOnly}
            onChange={(waitingOnClientStatuses) => {
              onEdit({ waitingOnClientStatuses });
            }}
          />
          <TextField
            field="waitingOnClientLabel"
            label={t('settings.waiting.label')}
            value={values.waitingOnClientLabel}
            error={errors.waitingOnClientLabel}
            readOnly={readOnly}
            onChange={(waitingOnClientLabel) => {
              onEdit({ waitingOnClientLabel });
            }}
          />
        </div>
      </section>

      <section className="cf-group" aria-labelledby="cf-settings-blocking" data-testid="settings-group-blocking">
        <h3 id="cf-settings-blocking">{t('settings.blocking.heading')}</h3>
        <div className="cf-fields">
          <ListField
            field="blockingLinkTypes"
            label={t('settings.blocking.types')}
            addLabel={t('settings.blocking.addType')}
            hint={t('settings.blocking.typesHint')}
            items={values.blockingLinkTypes}
            suggestions={namesOf(lists.linkTypes)}
            error={errors.blockingLinkTypes}
            readOnly={readOnly}
            onChange={(blockingLinkTypes) => {
              onEdit({ blockingLinkTypes });
            }}
          />
        </div>
      </section>

      <FieldOverridesGroup values={values} errors={errors} readOnly={readOnly} fields={lists.fields} onChange={onEdit} />

      <section className="cf-group" aria-labelledby="cf-settings-reports" data-testid="settings-group-reports">
        <h3 id="cf-settings-reports">{t('settings.reports.heading')}</h3>
        <div className="cf-fields">
          <SelectField
            field="timeZone"
            label={t('settings.reports.timeZone')}
            hint={t('settings.reports.timeZoneHint')}
            value={values.timeZone}
            options={timeZones.map(({ zone, offset }) => ({
              value: zone,
              label: offset === '' ? zone : t('settings.reports.timeZoneOption', { zone, offset }),
            }))}
            error={errors.timeZone}
            readOnly={readOnly}
            onChange={(timeZone) => {
              onEdit({ timeZone });
            }}
          />
          <SelectField
            field="defaultClientLanguage"
            label={t('settings.reports.language')}
            hint={t('settings.reports.languageHint')}
            value={values.defaultClientLanguage}
            options={LANGUAGES.map((language) => ({ value: language, label: t(`settings.language.${language}`) }))}
            error={errors.defaultClientLanguage}
            readOnly={readOnly}
            onChange={(language) => {
              const chosen = LANGUAGES.find((candidate) => candidate === language);
              if (chosen) onEdit({ defaultClientLanguage: chosen satisfies Language });
            }}
          />
          <TextField
            field="cadenceDays"
            label={t('settings.reports.cadence')}
            hint={t('settings.reports.cadenceHint')}
            unit={t('settings.unit.days')}
            numeric
            value={values.cadenceDays}
            error={errors.cadenceDays}
            readOnly={readOnly}
            onChange={(cadenceDays) => {
              onEdit({ cadenceDays });
            }}
          />
        </div>
      </section>

      <section className="cf-group" aria-labelledby="cf-settings-dimensions" data-testid="settings-group-dimensions">
        <h3 id="cf-settings-dimensions">{t('settings.dimensions.heading')}</h3>
        <p>{t('settings.dimensions.intro')}</p>
        <fieldset className="cf-settings-fieldset cf-field">
          <legend className="cf-legend">{t('settings.dimensions.legend')}</legend>
          <div className="cf-choices-inline">
            {DIMENSION_KEYS.map((dimension) => {
              const id = `cf-setting-dimension-${dimension}`;
              return (
                <div key={dimension} className="cf-choice">
                  <input
                    id={id}
                    type="checkbox"
                    checked={!values.disabledDimensions.includes(dimension)}
                    disabled={readOnly}
                    data-testid={`dimension-${dimension}`}
                    onChange={(event) => {
                      const others = values.disabledDimensions.filter((key) => key !== dimension);
                      onEdit({ disabledDimensions: event.target.checked ? others : [...others, dimension] });
                    }}
                  />
                  <label htmlFor={id}>{t(`dimension.${dimension}`)}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </section>

      <ThresholdsGroup values={values} errors={errors} readOnly={readOnly} onChange={onEdit} />

      {state.conflict !== null && (
        <ConflictNotice state={state} busy={busy} onReapply={onReapply} onReload={onReload} noticeRef={conflictNotice} />
      )}
      {state.reapplied !== null && state.reapplied.length > 0 && (
        <div
          ref={reappliedNotice}
          tabIndex={-1}
          className="cf-message"
          data-appearance="info"
          role="status"
          data-testid="settings-reapplied"
        >
          <strong>{t('settings.reapplied.title')}</strong>
          <p>{t('settings.reapplied.body')}</p>
          <ul className="cf-field-list">
            {state.reapplied.map((changed) => (
              <li key={changed}>
                <button
                  type="button"
                  className="cf-link-button"
                  data-testid={`reapplied-${changed}`}
                  onClick={() => {
                    focusField(form.current, changed);
                  }}
                >
                  {toFieldLabel(changed, t)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.error !== null && (
        <div className="cf-message" data-appearance="error" role="alert" data-testid="settings-error" data-error-code={state.error.code}>
          <strong>{t('settings.saveFailed')}</strong>
          <p>{t(`error.${state.error.code}`)}</p>
        </div>
      )}

      {!readOnly && (
        <>
          <div className="cf-actions-row">
            <div ref={slot} className="cf-actions-slot">
              <div
                ref={bar}
                className="cf-actions"
                role="group"
                aria-label={t('settings.actions.label')}
                data-floating={floating ? 'true' : undefined}
                data-testid="settings-actions"
              >
                <button
                  type="submit"
                  className="cf-button cf-button-primary"
                  disabled={!status.canSave}
                  aria-describedby="cf-settings-status"
                  data-testid="settings-save"
                >
                  {state.phase === 'saving' ? t('settings.saving') : t('settings.save')}
                </button>
                <button
                  type="button"
                  className="cf-button cf-button-subtle"
                  disabled={!status.dirty || busy}
                  data-testid="settings-discard"
                  onClick={onDiscard}
                >
                  {t('settings.discard')}
                </button>
                <p
                  ref={statusLine}
                  id="cf-settings-status"
                  className="cf-actions-status"
                  role="status"
                  tabIndex={-1}
                  data-dirty={status.dirty ? 'true' : undefined}
                  data-testid="settings-status"
                >
                  {statusText}
                </p>
                {status.dirty && errorCount > 0 && (
                  <button
                    type="button"
                    className="cf-button cf-button-subtle"
                    data-testid="settings-first-problem"
                    onClick={() => {
                      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
                    }}
                  >
                    {t('settings.status.firstProblem')}
                  </button>
                )}
              </div>
            </div>
            <button
              ref={resetButton}
              type="button"
              className="cf-button cf-button-subtle"
              disabled={busy}
              aria-expanded={confirmingReset}
              data-testid="settings-reset"
              onClick={() => {
                setConfirmingReset(true);
              }}
            >
              {t('settings.reset')}
            </button>
          </div>
          {confirmingReset && (
            <InlineConfirm
              testId="reset-confirm"
              title={t('settings.reset.title')}
              body={t('settings.reset.body')}
              confirmLabel={t('settings.reset')}
              cancelLabel={t('settings.cancel')}
              onCancel={closeReset}
              onConfirm={() => {
                onResetToDefaults();
                closeReset();
              }}
            />
          )}
        </>
      )}
      <div ref={probes} className="cf-scroll-probes" aria-hidden="true" />
    </form>
  );
}
