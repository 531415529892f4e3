import { useState } from 'react';
import type { AppErrorJson, PayloadOf } from '../../../contract';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { RAG_MESSAGES } from '../../../contract/i18n/rag-messages';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import type { ReportDraftJson } from '../../../contract/reports';
import { useBackend } from '../../shared/BackendProvider';
import { createFieldKit } from '../../shared/form-fields';
import { useT } from '../../shared/i18n/I18nProvider';
import { useResolver } from '../../shared/use-resolver';

type Rag = 'green' | 'amber' | 'red';
const RAGS: readonly Rag[] = ['green', 'amber', 'red'];
const DRAFT: PayloadOf<'report/draft-get'> = {};

function useOverrideT() {
  return useT(REPORTS_MESSAGES, RAG_MESSAGES, COMMON_MESSAGES);
}
const { SelectInput, TextArea } = createFieldKit<'reports.override.reasonRequired'>({
  inputPrefix: 'cf-override',
  testPrefix: 'override',
  useErrorText: useOverrideT,
});

/** The overall status the PM reports, with the mandatory reason when it differs from the computed one. */
export function OverrideEditor({ computed, onApplied }: { computed: Rag; onApplied: () => void }) {
  const { state, retry } = useResolver('report/draft-get', DRAFT);
  if (state.status !== 'ready' || !state.data.canEdit) return null;
  return (
    <OverrideForm
      key={state.data.revision}
      computed={computed}
      draft={state.data.draft}
      revision={state.data.revision}
      onReload={retry}
      onApplied={onApplied}
    />
  );
}

function OverrideForm({
  computed,
  draft,
  revision,
  onReload,
  onApplied,
}: {
  computed: Rag;
  draft: ReportDraftJson;
  revision: number;
  onReload: () => void;
  onApplied: () => void;
}) {
  const t = useOverrideT();
  const backend = useBackend();
  const [rag, setRag] = useState<Rag | ''>(draft.override?.rag ?? '');
  const [reason, setReason] = useState(draft.override?.reason ?? '');
  const [missingReason, setMissingReason] = useState(false);
  const [failure, setFailure] = useState<AppErrorJson | null>(null);
  const overriding = rag !== '' && rag !== computed;

  const apply = () => {
    if (overriding && reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    setFailure(null);
    // The narratives, client wording and hidden lines saved beside the override stay as they are.
    const next: ReportDraftJson = { ...draft, override: overriding ? { rag, reason: reason.trim() } : null };
    void backend.call('report/draft-save', { draft: next, revision }).then((answer) => {
      if (answer.ok) {
        onApplied();
        onReload();
      } else {
        setFailure(answer.error);
      }
    });
  };
  return (
    <form
      className="cf-reports-mail-form"
      aria-label={t('reports.override.heading')}
      data-testid="override-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <SelectInput
        id="rag"
        label={t('reports.override.heading')}
        value={rag}
        options={[
          { value: '', label: t('reports.override.computed', { rag: t(`rag.${computed}`) }) },
          ...RAGS.filter((r) => r !== computed).map((r) => ({ value: r, label: t(`rag.${r}`) })),
        ]}
        onChange={(value) => setRag(RAGS.find((r) => r === value) ?? '')}
      />
      {overriding && (
        <TextArea
          id="reason"
          label={t('reports.override.reason')}
          value={reason}
          onChange={setReason}
          error={missingReason ? 'reports.override.reasonRequired' : undefined}
        />
      )}
      <div className="cf-actions">
        <button type="submit" className="cf-button" data-testid="override-apply">
          {t('reports.override.save')}
        </button>
      </div>
      {failure !== null && (
        <p role="alert" className="cf-error-text" data-testid="override-failure">
          {failure.code === 'CONFLICT' ? t('reports.override.conflict') : t(`error.${failure.code}`)}
        </p>
      )}
    </form>
  );
}
