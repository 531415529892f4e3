import { useMemo, useRef, useState } from 'react';
import { DIMENSION_KEYS, LANGUAGES, type Language } from '../../../contract';
import { ClientVisibilityGroup } from './ClientVisibilityGroup';
import { FieldOverridesGroup } from './FieldOverridesGroup';
import { InlineConfirm } from './InlineConfirm';
import { ListField } from './ListField';
import { SelectField } from './SelectField';
import { toFormStatus, type FormValues, type SettingsFormState } from './settings-form';
import { TextField } from './TextField';
import { ThresholdsGroup } from './ThresholdsGroup';
import { supportedTimeZones, toTimeZoneOptions } from './time-zones';
import type { JiraLists, Lookup } from './use-jira-lists';
import { useSettingsMessages } from './use-settings-messages';

export interface SettingsFormProps {
  state: SettingsFormState;
  lists: JiraLists;
  onEdit: (change: Partial<FormValues>) => void;
  onSave: () => void;
  onReload: () => void;
  onResetToDefaults: () => void;
  onDiscard: () => void;
  /** The instant time zone offsets are shown for. */
  now: number;
}

const namesOf = (lookup: Lookup<string[]>): readonly string[] => (lookup.status === 'ready' ? lookup.data : []);

/**
 * The Settings form: every group, then Save, Discard and Reset to defaults with the form's
 * status, a conflict with its Reload, or a failed save. What it shows comes from `state`; what
 * the PM does goes out through the callbacks. A viewer gets the same form, read-only.
 */
export function SettingsForm({ state, lists, onEdit, onSave, onReload, onResetToDefaults, onDiscard, now }: SettingsFormProps) {
  const { t } = useSettingsMessages();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const status = useMemo(() => toFormStatus(state), [state]);
  const errors = status.validation.ok ? {} : status.validation.errors;
  const errorCount = Object.keys(errors).length;
  const { values } = state;
  const readOnly = !state.saved.canEdit;
  const busy = state.phase !== 'editing';
  const timeZones = useMemo(() => toTimeZoneOptions(supportedTimeZones(), values.timeZone, now), [values.timeZone, now]);

  const statusText =
    state.phase === 'saving'
      ? t('settings.saving')
      : state.justSaved
        ? t('settings.status.saved')
        : status.dirty && errorCount > 0
          ? errorCount === 1
            ? t('settings.status.invalidOne')
            : t('settings.status.invalidOther', { count: errorCount })
          : status.dirty
            ? t('settings.status.unsaved')
            : '';

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

      {state.conflict && (
        <div className="cf-message" data-appearance="warning" role="alert" data-testid="settings-conflict">
          <strong>{t('settings.conflict.title')}</strong>
          <p>{t('settings.conflict.body')}</p>
          <div className="cf-message-actions">
            <button type="button" className="cf-button" disabled={busy} data-testid="settings-reload" onClick={onReload}>
              {state.phase === 'reloading' ? t('settings.reloading') : t('settings.conflict.reload')}
            </button>
          </div>
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
          <div className="cf-actions">
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
            <p id="cf-settings-status" className="cf-actions-status" role="status" data-testid="settings-status">
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
    </form>
  );
}
