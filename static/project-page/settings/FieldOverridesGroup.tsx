import { SelectField, type SelectOption } from './SelectField';
import { FIELD_OVERRIDE_KEYS, type FieldErrors, type FieldOverrideKey, type FormValues } from './settings-form';
import { toFieldChoices, type JiraFieldOption } from './settings-host';
import { TextField } from './TextField';
import type { Lookup } from './use-jira-lists';
import { useSettingsMessages, type SettingsT } from './use-settings-messages';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  readOnly: boolean;
  fields: Lookup<JiraFieldOption[]>;
  onChange: (change: Partial<FormValues>) => void;
}

const LABEL_KEYS = {
  storyPoints: 'settings.fields.storyPoints',
  flagged: 'settings.fields.flagged',
  sprint: 'settings.fields.sprint',
  startDate: 'settings.fields.startDate',
} as const satisfies Record<FieldOverrideKey, string>;

function toOptions(t: SettingsT, key: FieldOverrideKey, fields: Lookup<JiraFieldOption[]>, current: string): SelectOption[] {
  const discover = { value: '', label: t('settings.fields.discover') };
  if (fields.status !== 'ready') {
    return current === '' ? [discover] : [discover, { value: current, label: current }];
  }
  return [
    discover,
    ...toFieldChoices(key, fields.data, current).map((field) => ({
      value: field.id,
      label: fields.data.some((known) => known.id === field.id)
        ? t('settings.fields.option', { name: field.name, id: field.id })
        : t('settings.fields.notFound', { id: field.id }),
    })),
  ];
}

/**
 * Story points, Flagged, Sprint and Start date: "Discover automatically" (null) or a custom
 * field chosen from Jira's `/field`, of a fitting type. When Jira cannot list its fields the
 * id is typed instead.
 */
export function FieldOverridesGroup({ values, errors, readOnly, fields, onChange }: Props) {
  const { t } = useSettingsMessages();
  const set = (key: FieldOverrideKey, id: string) => {
    onChange({ fieldOverrides: { ...values.fieldOverrides, [key]: id } });
  };
  return (
    <section className="cf-group" aria-labelledby="cf-settings-fields" data-testid="settings-group-fields">
      <h3 id="cf-settings-fields">{t('settings.fields.heading')}</h3>
      <p>{t('settings.fields.intro')}</p>
      {fields.status === 'loading' && (
        <p className="cf-hint" role="status">
          {t('settings.fields.loading')}
        </p>
      )}
      {fields.status === 'failed' && <p className="cf-warning-text">{t('settings.fields.failed')}</p>}
      <div className="cf-fields">
        {FIELD_OVERRIDE_KEYS.map((key) =>
          fields.status === 'failed' && !readOnly ? (
            <TextField
              key={key}
              field={`fieldOverrides.${key}`}
              label={t(LABEL_KEYS[key])}
              value={values.fieldOverrides[key]}
              error={errors[`fieldOverrides.${key}`]}
              readOnly={readOnly}
              onChange={(id) => {
                set(key, id);
              }}
            />
          ) : (
            <SelectField
              key={key}
              field={`fieldOverrides.${key}`}
              label={t(LABEL_KEYS[key])}
              value={values.fieldOverrides[key]}
              options={toOptions(t, key, fields, values.fieldOverrides[key])}
              error={errors[`fieldOverrides.${key}`]}
              readOnly={readOnly}
              onChange={(id) => {
                set(key, id);
              }}
            />
          ),
        )}
      </div>
    </section>
  );
}
