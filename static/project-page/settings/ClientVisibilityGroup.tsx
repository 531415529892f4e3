import { CLIENT_VISIBILITY_MODES, type ClientVisibilityMode } from '../../../contract';
import { FieldErrorText } from './FieldErrorText';
import { hintIdOf } from './field-ids';
import { ListField } from './ListField';
import type { FieldErrors, FormValues } from './settings-form';
import type { IssueTypeOption } from './settings-host';
import { TextField } from './TextField';
import type { Lookup } from './use-jira-lists';
import { useSettingsMessages } from './use-settings-messages';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  readOnly: boolean;
  issueTypes: Lookup<IssueTypeOption[]>;
  onChange: (change: Partial<FormValues>) => void;
}

const MODE_HINT_KEYS = {
  marked: 'settings.visibility.mode.markedHint',
  types: 'settings.visibility.mode.typesHint',
  all: 'settings.visibility.mode.allHint',
} as const;
const MODE_KEYS = {
  marked: 'settings.visibility.mode.marked',
  types: 'settings.visibility.mode.types',
  all: 'settings.visibility.mode.all',
} as const;

/** Which issues the client sees (DESIGN §5.1), the labels that mark them, and the chosen types. */
export function ClientVisibilityGroup({ values, errors, readOnly, issueTypes, onChange }: Props) {
  const { t } = useSettingsMessages();
  const showTypes = values.visibilityMode === 'types' || errors['clientVisibility.issueTypeIds'] !== undefined;
  return (
    <section className="cf-group" aria-labelledby="cf-settings-visibility" data-testid="settings-group-visibility">
      <h3 id="cf-settings-visibility">{t('settings.visibility.heading')}</h3>
      <p>{t('settings.visibility.intro')}</p>
      <div className="cf-fields">
        <fieldset className="cf-settings-fieldset cf-field" data-testid="setting-clientVisibility.mode">
          <legend className="cf-legend">{t('settings.visibility.mode')}</legend>
          <div className="cf-choices">
            {CLIENT_VISIBILITY_MODES.map((mode: ClientVisibilityMode) => {
              const id = `cf-setting-visibility-${mode}`;
              return (
                <div key={mode} className="cf-choice">
                  <input
                    id={id}
                    type="radio"
                    name="cf-visibility-mode"
                    value={mode}
                    checked={values.visibilityMode === mode}
                    disabled={readOnly}
                    aria-describedby={`${id}-hint`}
                    data-testid={`visibility-${mode}`}
                    onChange={() => {
                      onChange({ visibilityMode: mode });
                    }}
                  />
                  <label htmlFor={id}>{t(MODE_KEYS[mode])}</label>
                  <p id={`${id}-hint`} className="cf-hint">
                    {t(MODE_HINT_KEYS[mode])}
                  </p>
                </div>
              );
            })}
          </div>
        </fieldset>

        {showTypes && <IssueTypesField values={values} errors={errors} readOnly={readOnly} issueTypes={issueTypes} onChange={onChange} />}

        <TextField
          field="clientLabel"
          label={t('settings.visibility.clientLabel')}
          hint={t('settings.visibility.clientLabelHint')}
          value={values.clientLabel}
          error={errors.clientLabel}
          readOnly={readOnly}
          onChange={(clientLabel) => {
            onChange({ clientLabel });
          }}
        />
        <TextField
          field="internalLabel"
          label={t('settings.visibility.internalLabel')}
          hint={t('settings.visibility.internalLabelHint')}
          value={values.internalLabel}
          error={errors.internalLabel}
          readOnly={readOnly}
          onChange={(internalLabel) => {
            onChange({ internalLabel });
          }}
        />
      </div>
    </section>
  );
}

/**
 * The project's issue types as checkboxes (subtasks left out: they are always internal), plus
 * any chosen id the project no longer has, so it can be unticked. When Jira cannot list them,
 * the ids are typed instead.
 */
function IssueTypesField({ values, errors, readOnly, issueTypes, onChange }: Props) {
  const { t } = useSettingsMessages();
  const field = 'clientVisibility.issueTypeIds';
  const error = errors[field];
  const noneChosen = values.visibilityMode === 'types' && values.issueTypeIds.length === 0;

  if (issueTypes.status === 'failed') {
    return (
      <div className="cf-field">
        <p className="cf-warning-text">{t('settings.visibility.issueTypesFailed')}</p>
        <ListField
          field={field}
          label={t('settings.visibility.issueTypeIds')}
          addLabel={t('settings.visibility.addIssueTypeId')}
          items={values.issueTypeIds}
          error={error}
          readOnly={readOnly}
          onChange={(issueTypeIds) => {
            onChange({ issueTypeIds });
          }}
        />
      </div>
    );
  }

  const known = issueTypes.status === 'ready' ? issueTypes.data.filter((type) => !type.subtask) : [];
  const unknown = values.issueTypeIds.filter((id) => !known.some((type) => type.id === id));
  const choices = [
    ...known.map((type) => ({ id: type.id, label: type.name })),
    ...unknown.map((id) => ({ id, label: t('settings.visibility.unknownType', { id }) })),
  ];
  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...values.issueTypeIds, id] : values.issueTypeIds.filter((chosen) => chosen !== id);
    onChange({ issueTypeIds: next });
  };

  return (
    <fieldset className="cf-settings-fieldset cf-field" aria-describedby={hintIdOf(field)} data-testid={`list-${field}`}>
      <legend className="cf-legend">{t('settings.visibility.issueTypes')}</legend>
      {issueTypes.status === 'loading' && (
        <p className="cf-hint" role="status">
          {t('settings.visibility.issueTypesLoading')}
        </p>
      )}
      <div className="cf-choices-inline">
        {choices.map((choice) => {
          const id = `cf-setting-issue-type-${choice.id}`;
          return (
            <div key={choice.id} className="cf-choice">
              <input
                id={id}
                type="checkbox"
                checked={values.issueTypeIds.includes(choice.id)}
                disabled={readOnly}
                data-testid={`issue-type-${choice.id}`}
                onChange={(event) => {
                  toggle(choice.id, event.target.checked);
                }}
              />
              <label htmlFor={id}>{choice.label}</label>
            </div>
          );
        })}
      </div>
      <p id={hintIdOf(field)} className="cf-hint">
        {t('settings.visibility.issueTypesHint')}
      </p>
      {noneChosen && <p className="cf-warning-text">{t('settings.visibility.noTypes')}</p>}
      <FieldErrorText field={field} error={error} />
    </fieldset>
  );
}
