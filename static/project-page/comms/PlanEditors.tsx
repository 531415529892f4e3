import { useState, type SyntheticEvent } from 'react';
import {
  CADENCE_KINDS,
  CHANNELS,
  DETAIL_LEVELS,
  MONTH_WEEKS,
  REMINDER_MODES,
  SERIES_PHASES,
  SIDES,
  TOUCHPOINT_KINDS,
  WEEKDAYS,
  type StakeholderJson,
} from '../../../contract/comms';
import { LANGUAGES } from '../../../contract/language';
import { AccountPicker } from './AccountPicker';
import { Checkbox, SelectInput, TextInput, type Option } from './CommsFields';
import {
  parseReminders,
  parseSeries,
  parseStakeholder,
  type FieldErrors,
  type PlanChange,
  type RemindersDraft,
  type SeriesDraft,
  type StakeholderDraft,
} from './comms-drafts';
import type { SaveOutcome } from './plan-save';
import { SaveBar, type SaveState } from './SaveBar';
import { deriveSeriesPreview } from './series-preview';
import { SeriesPreview } from './SeriesPreview';
import { useCommsT, type CommsT } from './use-comms-messages';

export interface EditorProps<D> {
  initial: D;
  /** Saves the change on the plan as loaded; `reapply` saves it on the newest plan. */
  save: (change: PlanChange) => Promise<SaveOutcome>;
  reapply: (change: PlanChange) => Promise<SaveOutcome>;
  onDone: () => void;
}

/** How many dates the series editor previews. */
const PREVIEW_COUNT = 5;

const LANGUAGE_LABELS: Record<(typeof LANGUAGES)[number], string> = { en: 'English', 'zh-CN': '简体中文' };

export function channelOptions(t: CommsT): Option[] {
  return CHANNELS.map((c) => ({ value: c, label: t(`comms.channel.${c}`) }));
}

/**
 * Validates, saves, and keeps the draft on a conflict or failure; problems show beside the
 * fields from the first Save on, and follow the typing.
 */
function useEditor<D>(props: EditorProps<D>, toChange: (d: D) => { ok: true; change: PlanChange } | { ok: false; errors: FieldErrors }) {
  const [draft, setDraft] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const checked = toChange(draft);
  const errors: FieldErrors = tried && !checked.ok ? checked.errors : {};
  const run = (how: (change: PlanChange) => Promise<SaveOutcome>) => {
    setTried(true);
    if (!checked.ok) return;
    setState({ kind: 'saving' });
    void how(checked.change).then((outcome) => {
      if (outcome.kind === 'saved') props.onDone();
      else setState(outcome);
    });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    run(props.save);
  };
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
    };
  return { draft, errors, state, submit, reapply: () => run(props.reapply), set };
}

export function StakeholderEditor(props: EditorProps<StakeholderDraft>) {
  const t = useCommsT();
  const { draft, errors, state, submit, reapply, set } = useEditor(props, (d) => {
    const parsed = parseStakeholder(d);
    return parsed.ok ? { ok: true, change: { kind: 'stakeholder', value: parsed.value } as const } : parsed;
  });
  return (
    <form
      className="cf-comms-editor"
      noValidate
      onSubmit={submit}
      data-testid="comms-stakeholder-editor"
      aria-label={t('comms.stakeholders.heading')}
    >
      <div className="cf-comms-grid">
        <TextInput id="stakeholder-name" label={t('comms.field.name')} value={draft.name} onChange={set('name')} error={errors.name} />
        <SelectInput
          id="stakeholder-side"
          label={t('comms.field.side')}
          value={draft.side}
          options={SIDES.map((s) => ({ value: s, label: t(`comms.side.option.${s}`) }))}
          onChange={set('side')}
        />
        {draft.side === 'internal' && (
          <div>
            <TextInput
              id="stakeholder-accountId"
              label={t('comms.field.accountId')}
              value={draft.accountId ?? ''}
              onChange={(value) => {
                set('accountId')(value === '' ? null : value);
              }}
              error={errors.accountId}
              placeholder="557058:…"
            />
            <p className="cf-hint">{t('comms.field.accountIdHint')}</p>
            <AccountPicker
              onPick={(user) => {
                set('accountId')(user.accountId);
                // A blank name takes the Jira user's: picking someone should not leave the form unsavable.
                if (draft.name.trim() === '') set('name')(user.displayName);
              }}
            />
          </div>
        )}
        <TextInput id="stakeholder-role" label={t('comms.field.role')} value={draft.role} onChange={set('role')} error={errors.role} />
        <TextInput
          id="stakeholder-email"
          type="email"
          label={t('comms.field.email')}
          value={draft.email}
          onChange={set('email')}
          error={errors.email}
        />
        <SelectInput
          id="stakeholder-channel"
          label={t('comms.field.channel')}
          value={draft.preferredChannel}
          options={channelOptions(t)}
          onChange={set('preferredChannel')}
        />
        <SelectInput
          id="stakeholder-language"
          label={t('comms.field.language')}
          value={draft.language}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))}
          onChange={set('language')}
        />
        <TextInput
          id="stakeholder-timeZone"
          label={t('comms.field.timeZone')}
          value={draft.timeZone}
          onChange={set('timeZone')}
          error={errors.timeZone}
        />
        <SelectInput
          id="stakeholder-detail"
          label={t('comms.field.detailLevel')}
          value={draft.detailLevel}
          options={DETAIL_LEVELS.map((l) => ({ value: l, label: t(`comms.detail.${l}`) }))}
          onChange={set('detailLevel')}
        />
        <Checkbox
          id="stakeholder-reports"
          label={t('comms.field.receivesReports')}
          checked={draft.receivesReports}
          onChange={set('receivesReports')}
        />
      </div>
      <SaveBar id="stakeholder" state={state} onCancel={props.onDone} onReapply={reapply} />
    </form>
  );
}

export function SeriesEditor(props: EditorProps<SeriesDraft> & { stakeholders: readonly StakeholderJson[] }) {
  const t = useCommsT();
  const {
    draft,
    errors: savedErrors,
    state,
    submit,
    reapply,
    set,
  } = useEditor(props, (d) => {
    const parsed = parseSeries(d);
    return parsed.ok ? { ok: true, change: { kind: 'series', value: parsed.value } as const } : parsed;
  });
  const weekdays = WEEKDAYS.map((w) => ({ value: w, label: t(`comms.weekday.${w}`) }));
  // The date fields are checked as they are typed (the preview needs them); the rest from the first Save.
  const preview = deriveSeriesPreview(draft, new Date(), PREVIEW_COUNT);
  const errors: FieldErrors = { ...(preview.ok ? {} : preview.errors), ...savedErrors };
  const cadenceError = errors['cadence.day'] ?? errors['cadence.days'];
  return (
    <form className="cf-comms-editor" noValidate onSubmit={submit} data-testid="comms-series-editor" aria-label={t('comms.series.heading')}>
      <div className="cf-comms-grid">
        <TextInput id="series-title" label={t('comms.field.title')} value={draft.title} onChange={set('title')} error={errors.title} />
        <SelectInput
          id="series-kind"
          label={t('comms.field.kind')}
          value={draft.kind}
          options={TOUCHPOINT_KINDS.map((k) => ({ value: k, label: t(`comms.kind.${k}`) }))}
          onChange={set('kind')}
        />
        <SelectInput
          id="series-cadence"
          label={t('comms.field.cadence')}
          value={draft.cadenceKind}
          options={CADENCE_KINDS.map((k) => ({ value: k, label: t(`comms.cadence.${k}`) }))}
          onChange={(value) => {
            const kind = CADENCE_KINDS.find((k) => k === value);
            if (kind) set('cadenceKind')(kind);
          }}
        />
        {draft.cadenceKind === 'monthly-weekday' && (
          <SelectInput
            id="series-week"
            label={t('comms.field.week')}
            value={draft.week}
            options={MONTH_WEEKS.map((w) => ({ value: w, label: t(`comms.week.${w}`) }))}
            onChange={set('week')}
          />
        )}
        {(draft.cadenceKind === 'weekly' || draft.cadenceKind === 'biweekly' || draft.cadenceKind === 'monthly-weekday') && (
          <SelectInput
            id="series-weekday"
            label={t('comms.field.weekday')}
            value={draft.weekday}
            options={weekdays}
            onChange={set('weekday')}
          />
        )}
        {draft.cadenceKind === 'monthly-day' && (
          <TextInput id="series-day" label={t('comms.field.dayOfMonth')} value={draft.day} onChange={set('day')} error={cadenceError} />
        )}
        {draft.cadenceKind === 'every-n-days' && (
          <TextInput id="series-days" label={t('comms.field.everyDays')} value={draft.days} onChange={set('days')} error={cadenceError} />
        )}
        <TextInput
          id="series-time"
          label={t('comms.field.localTime')}
          value={draft.localTime}
          onChange={set('localTime')}
          error={errors.localTime}
          placeholder="09:30"
        />
        <TextInput
          id="series-timeZone"
          label={t('comms.field.timeZone')}
          value={draft.timeZone}
          onChange={set('timeZone')}
          error={errors.timeZone}
        />
        <TextInput
          id="series-duration"
          label={t('comms.field.duration')}
          value={draft.durationMinutes}
          onChange={set('durationMinutes')}
          error={errors.durationMinutes}
        />
        <SelectInput
          id="series-channel"
          label={t('comms.field.seriesChannel')}
          value={draft.channel}
          options={channelOptions(t)}
          onChange={set('channel')}
        />
        <SelectInput
          id="series-owner"
          label={t('comms.field.owner')}
          value={draft.ownerId}
          options={[
            { value: '', label: t('comms.field.noOwner') },
            ...props.stakeholders.filter((s) => s.side === 'internal').map((s) => ({ value: s.id, label: s.name })),
          ]}
          onChange={set('ownerId')}
          error={errors.ownerId}
        />
        <TextInput
          id="series-start"
          type="date"
          label={t('comms.field.start')}
          value={draft.startDate}
          onChange={set('startDate')}
          error={errors.startDate}
        />
        <TextInput
          id="series-end"
          type="date"
          label={t('comms.field.end')}
          value={draft.endDate}
          onChange={set('endDate')}
          error={errors.endDate}
        />
        <TextInput
          id="series-grace"
          label={t('comms.field.grace')}
          value={draft.graceDays}
          onChange={set('graceDays')}
          error={errors.graceDays}
        />
        <SelectInput
          id="series-active-in"
          label={t('comms.field.activeIn')}
          value={draft.activeIn}
          options={SERIES_PHASES.map((phase) => ({ value: phase, label: t(`comms.activeIn.${phase}`) }))}
          onChange={(value) => {
            const phase = SERIES_PHASES.find((p) => p === value);
            if (phase !== undefined) set('activeIn')(phase);
          }}
        />
      </div>
      {props.stakeholders.length > 0 && (
        <fieldset className="cf-comms-fieldset">
          <legend className="cf-legend">{t('comms.field.audience')}</legend>
          <div className="cf-choices-inline">
            {props.stakeholders.map((s) => (
              <Checkbox
                key={s.id}
                id={`series-audience-${s.id}`}
                label={s.name}
                checked={draft.audience.includes(s.id)}
                onChange={(on) => {
                  set('audience')(on ? [...draft.audience, s.id] : draft.audience.filter((id) => id !== s.id));
                }}
              />
            ))}
          </div>
        </fieldset>
      )}
      <SeriesPreview preview={preview} timeZone={draft.timeZone.trim()} />
      <SaveBar id="series" state={state} onCancel={props.onDone} onReapply={reapply} />
    </form>
  );
}

/** The reminder setting: none, a Jira notification on a tracking issue, or one issue per overdue touchpoint. */
export function RemindersEditor(props: EditorProps<RemindersDraft>) {
  const t = useCommsT();
  const { draft, errors, state, submit, reapply, set } = useEditor(props, (d) => {
    const parsed = parseReminders(d);
    return parsed.ok ? { ok: true, change: { kind: 'reminders', value: parsed.value } as const } : parsed;
  });
  return (
    <form
      className="cf-comms-editor"
      noValidate
      onSubmit={submit}
      data-testid="comms-reminders-editor"
      aria-label={t('comms.reminders.heading')}
    >
      <div className="cf-comms-grid">
        <SelectInput
          id="reminders-mode"
          label={t('comms.field.reminderMode')}
          value={draft.mode}
          options={REMINDER_MODES.map((m) => ({ value: m, label: t(`comms.reminders.mode.${m}`) }))}
          onChange={set('mode')}
        />
        {draft.mode === 'notify' && (
          <TextInput
            id="reminders-tracking"
            label={t('comms.field.trackingIssue')}
            value={draft.trackingIssueKey}
            onChange={set('trackingIssueKey')}
            error={errors.trackingIssueKey}
            placeholder="ACME-12"
          />
        )}
      </div>
      <SaveBar id="reminders" state={state} onCancel={props.onDone} onReapply={reapply} />
    </form>
  );
}
