import type { DimensionKey } from '../../../contract';
import { THRESHOLD_UNITS, type FieldErrors, type FormValues, type ThresholdKey, type ThresholdUnit } from './settings-form';
import { TextField } from './TextField';
import { THRESHOLD_GROUPS } from './threshold-groups';
import { useSettingsMessages } from './use-settings-messages';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (change: Partial<FormValues>) => void;
}

const UNIT_KEYS = {
  days: 'settings.unit.days',
  percent: 'settings.unit.percent',
  count: 'settings.unit.count',
  rating: 'settings.unit.rating',
  weeks: 'settings.unit.weeks',
} as const satisfies Record<ThresholdUnit, string>;

/**
 * Every KPI threshold, grouped by dimension and measure, each measure with the rule that reads
 * its values. Shares are typed as percentages. A measure of a dimension switched off stays
 * editable and says it is off.
 */
export function ThresholdsGroup({ values, errors, readOnly, onChange }: Props) {
  const { t } = useSettingsMessages();
  const set = (key: ThresholdKey, text: string) => {
    onChange({ thresholds: { ...values.thresholds, [key]: text } });
  };
  const isOff = (dimension: DimensionKey) => values.disabledDimensions.includes(dimension);
  return (
    <section className="cf-group" aria-labelledby="cf-settings-thresholds" data-testid="settings-group-thresholds">
      <h3 id="cf-settings-thresholds">{t('settings.thresholds.heading')}</h3>
      <p>{t('settings.thresholds.intro')}</p>
      {THRESHOLD_GROUPS.map(({ dimension, measures }) => (
        <div key={dimension} data-testid={`thresholds-${dimension}`}>
          <h4>{t(`dimension.${dimension}`)}</h4>
          <div className="cf-measures">
            {measures.map((measure) => {
              const ruleId = `cf-rule-${measure.title}`;
              return (
                <fieldset
                  key={measure.title}
                  className="cf-measure"
                  aria-describedby={ruleId}
                  data-off={isOff(dimension) ? 'true' : undefined}
                >
                  <legend>
                    {measure.title === 'forecast' || measure.title === 'complaints'
                      ? t(`settings.thresholds.${measure.title}`)
                      : t(`measure.${measure.title}`)}
                    {isOff(dimension) && <span className="cf-off"> ({t('health.off')})</span>}
                  </legend>
                  <p id={ruleId} className="cf-hint">
                    {t(measure.rule)}
                  </p>
                  <div className="cf-measure-fields">
                    {measure.keys.map((key) => (
                      <TextField
                        key={key}
                        field={`thresholds.${key}`}
                        label={t(`settings.th.${key}`)}
                        unit={key === 'pointsMinShare' ? t('settings.unit.pointsMinShare') : t(UNIT_KEYS[THRESHOLD_UNITS[key]])}
                        numeric
                        value={values.thresholds[key]}
                        error={errors[`thresholds.${key}`]}
                        readOnly={readOnly}
                        onChange={(text) => {
                          set(key, text);
                        }}
                      />
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
