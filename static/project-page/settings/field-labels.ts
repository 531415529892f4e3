import type { FieldId, ThresholdKey } from './settings-form';
import { THRESHOLD_GROUPS } from './threshold-groups';
import type { SettingsT } from './use-settings-messages';

/** The measure a threshold belongs to, as its name reads above the threshold's input. */
function measureOf(key: ThresholdKey, t: SettingsT): string {
  for (const { measures } of THRESHOLD_GROUPS) {
    const measure = measures.find((candidate) => candidate.keys.includes(key));
    if (measure !== undefined)
      return measure.title === 'forecast' || measure.title === 'complaints'
        ? t(`settings.thresholds.${measure.title}`)
        : t(`measure.${measure.title}`);
  }
  return t('settings.thresholds.heading');
}

/**
 * A field's name as the PM sees it on the page, with its group where the label alone is vague
 * ("Overdue issues: Green when below", "Waiting on the client: Label").
 */
export function toFieldLabel(field: FieldId, t: SettingsT): string {
  const inGroup = (group: string, label: string) => t('settings.fieldIn', { group, field: label });
  if (field.startsWith('thresholds.')) {
    const key = field.slice('thresholds.'.length) as ThresholdKey;
    return inGroup(measureOf(key, t), t(`settings.th.${key}`));
  }
  switch (field) {
    case 'clientVisibility.mode':
      return t('settings.visibility.mode');
    case 'clientVisibility.issueTypeIds':
      return t('settings.visibility.issueTypes');
    case 'clientLabel':
      return t('settings.visibility.clientLabel');
    case 'internalLabel':
      return t('settings.visibility.internalLabel');
    case 'waitingOnClientStatuses':
      return inGroup(t('settings.waiting.heading'), t('settings.waiting.statuses'));
    case 'waitingOnClientLabel':
      return inGroup(t('settings.waiting.heading'), t('settings.waiting.label'));
    case 'blockingLinkTypes':
      return t('settings.blocking.types');
    case 'fieldOverrides.storyPoints':
      return inGroup(t('settings.fields.heading'), t('settings.fields.storyPoints'));
    case 'fieldOverrides.flagged':
      return inGroup(t('settings.fields.heading'), t('settings.fields.flagged'));
    case 'fieldOverrides.sprint':
      return inGroup(t('settings.fields.heading'), t('settings.fields.sprint'));
    case 'fieldOverrides.startDate':
      return inGroup(t('settings.fields.heading'), t('settings.fields.startDate'));
    case 'timeZone':
      return t('settings.reports.timeZone');
    case 'defaultClientLanguage':
      return t('settings.reports.language');
    case 'cadenceDays':
      return t('settings.reports.cadence');
    case 'disabledDimensions':
      return t('settings.dimensions.legend');
    default:
      return field;
  }
}
