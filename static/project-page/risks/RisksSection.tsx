import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AppErrorJson } from '../../../contract/errors';
import {
  REGISTER_RISK_STATUSES,
  toRiskLevel,
  type DerivedSignalJson,
  type MatrixCellJson,
  type RegisterRiskJson,
  type RiskFilterJson,
} from '../../../contract/risks';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../../shared/JiraLink';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { SettingsStyles } from '../settings/SettingsStyles';
import { newRiskDraft, toRiskDraft } from './risk-drafts';
import { RiskEditor } from './RiskEditor';
import { RiskMatrix, type MatrixCellFilter } from './RiskMatrix';
import { RiskStyles } from './RiskStyles';
import { useRiskT } from './use-risk-messages';

const PAGE_SIZE = 25;
const MIN_SCORES = [8, 15] as const;
const LEVEL_APPEARANCE = { high: 'removed', medium: 'moved', low: 'success' } as const;

interface Filters {
  status: RiskFilterJson['status'] | 'any';
  clientVisible: boolean;
  minScore: number | null;
  cell: MatrixCellFilter | null;
}
const NO_FILTERS: Filters = { status: 'active', clientVisible: false, minScore: null, cell: null };

function toFilter(filters: Filters): RiskFilterJson {
  return {
    ...(filters.status === 'any' || filters.status === undefined ? {} : { status: filters.status }),
    ...(filters.clientVisible ? { clientVisible: true } : {}),
    ...(filters.minScore === null ? {} : { minScore: filters.minScore }),
    ...(filters.cell ? { probability: filters.cell.probability, impact: filters.cell.impact } : {}),
  };
}

type ListState =
  | { status: 'loading' }
  | { status: 'failed'; error: AppErrorJson }
  | { status: 'ready'; items: RegisterRiskJson[]; cursor: string | null; canEdit: boolean; loadingMore: boolean };

/** Which editor is open: a new risk, or the risk with this id. */
type Editing = { id: string | null } | null;

function RiskItem({
  risk,
  canEdit,
  today,
  onEdit,
  onConverted,
}: {
  risk: RegisterRiskJson;
  canEdit: boolean;
  today: string;
  onEdit: () => void;
  onConverted: (risk: RegisterRiskJson) => void;
}) {
  const t = useRiskT();
  const backend = useBackend();
  const { formatDay, locale } = useI18n();
  const [converting, setConverting] = useState<'idle' | 'busy' | AppErrorJson>('idle');
  const score = risk.probability * risk.impact;
  const level = toRiskLevel(score);
  const open = risk.status === 'open' || risk.status === 'mitigating';
  const overdue = open && risk.due !== null && risk.due < today;
  const convert = async () => {
    setConverting('busy');
    const answer = await backend.call('risks/issue', { riskId: risk.id, lang: locale });
    if (answer.ok) {
      setConverting('idle');
      onConverted(answer.data.risk);
    } else setConverting(answer.error);
  };
  return (
    <li className="cf-risks-record" data-testid={`risk-${risk.id}`} data-status={risk.status} data-score={score}>
      <span className="cf-risks-head">
        <TokenLozenge appearance={LEVEL_APPEARANCE[level]}>{t(`riskRegister.level.${level}`)}</TokenLozenge>
        <strong>{risk.title}</strong>
        <span className="cf-risks-meta">{t('riskRegister.list.score', { score })}</span>
        <TokenLozenge appearance={open ? 'inprogress' : 'default'}>{t(`riskRegister.status.${risk.status}`)}</TokenLozenge>
        {risk.clientVisible && <TokenLozenge appearance="new">{t('riskRegister.list.clientVisible')}</TokenLozenge>}
      </span>
      {risk.mitigation !== '' && <span>{risk.mitigation}</span>}
      {(risk.ownerName !== '' || risk.due !== null) && (
        <span className="cf-risks-meta">
          {risk.ownerName !== '' && t('riskRegister.list.owner', { owner: risk.ownerName })}
          {risk.ownerName !== '' && risk.due !== null && ' · '}
          {risk.due !== null && (
            <span className={overdue ? 'cf-risks-overdue' : undefined} data-testid={`risk-due-${risk.id}`} data-overdue={overdue}>
              {overdue
                ? t('riskRegister.list.overdue', { due: formatDay(risk.due) })
                : t('riskRegister.list.due', { due: formatDay(risk.due) })}
            </span>
          )}
        </span>
      )}
      {risk.linkedIssueKeys.length > 0 && (
        <span className="cf-risks-meta">
          {t('riskRegister.list.linked')}
          {risk.linkedIssueKeys.map((key, index) => (
            <span key={key}>
              {index > 0 && ', '}
              <IssueKeyLink issueKey={key} />
            </span>
          ))}
        </span>
      )}
      {risk.jiraIssueKey !== null && (
        <span data-testid={`risk-jira-${risk.id}`}>
          {t('riskRegister.list.jiraIssue')}
          <IssueKeyLink issueKey={risk.jiraIssueKey} />
        </span>
      )}
      {canEdit && (
        <span className="cf-risks-actions">
          <button
            type="button"
            className="cf-button cf-button-subtle"
            aria-label={`${t('riskRegister.list.edit')} ${risk.title}`}
            data-testid={`risk-edit-${risk.id}`}
            onClick={onEdit}
          >
            {t('riskRegister.list.edit')}
          </button>
          {risk.jiraIssueKey === null && (
            <button
              type="button"
              className="cf-button"
              disabled={converting === 'busy'}
              aria-label={`${t('riskRegister.list.convert')}: ${risk.title}`}
              data-testid={`risk-convert-${risk.id}`}
              onClick={() => void convert()}
            >
              {converting === 'busy' ? t('riskRegister.list.converting') : t('riskRegister.list.convert')}
            </button>
          )}
        </span>
      )}
      {typeof converting === 'object' && (
        <p role="alert" className="cf-error-text" data-testid={`risk-convert-error-${risk.id}`}>
          {converting.code === 'CONFLICT' ? t('riskRegister.error.converting') : t(`error.${converting.code}`)}
        </p>
      )}
    </li>
  );
}

/** Derived signals (flagged, blocked, high-risk issues), each promotable into the register in one step. */
function SignalList({ canEdit, onPromoted }: { canEdit: boolean; onPromoted: (risk: RegisterRiskJson) => void }) {
  const t = useRiskT();
  const backend = useBackend();
  const headingId = useId();
  const [signals, setSignals] = useState<{ signals: DerivedSignalJson[]; asOf: string | null } | AppErrorJson | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ key: string; error: AppErrorJson } | null>(null);
  const load = useCallback(() => {
    void backend.call('risks/signals', {}).then((answer) => {
      setSignals(answer.ok ? answer.data : answer.error);
    });
  }, [backend]);
  useEffect(load, [load]);
  const promote = async (issueKey: string) => {
    setBusy(issueKey);
    setFailed(null);
    const answer = await backend.call('risks/promote', { issueKey });
    setBusy(null);
    if (!answer.ok) {
      setFailed({ key: issueKey, error: answer.error });
      return;
    }
    setSignals((old) =>
      old && 'signals' in old
        ? { ...old, signals: old.signals.map((s) => (s.issueKey === issueKey ? { ...s, promotedRiskId: answer.data.risk.id } : s)) }
        : old,
    );
    onPromoted(answer.data.risk);
  };
  return (
    <section className="cf-group" aria-labelledby={headingId} data-testid="risks-signals">
      <h3 id={headingId}>{t('riskRegister.signals.heading')}</h3>
      <p className="cf-hint">{t('riskRegister.signals.intro')}</p>
      {signals === null ? (
        <LoadingState label={t('riskRegister.loading')} lines={2} />
      ) : 'code' in signals ? (
        <ErrorState error={signals} onRetry={load} />
      ) : signals.asOf === null ? (
        <p className="cf-hint">{t('riskRegister.signals.noSnapshot')}</p>
      ) : signals.signals.length === 0 ? (
        <p className="cf-hint">{t('riskRegister.signals.none')}</p>
      ) : (
        <ul className="cf-risks-records">
          {signals.signals.map((s) => (
            <li key={s.issueKey} className="cf-risks-record" data-testid={`signal-${s.issueKey}`}>
              <span className="cf-risks-head">
                <TokenLozenge appearance={s.reason === 'high-risk' ? 'removed' : 'moved'}>
                  {t(`riskRegister.signals.reason.${s.reason}`)}
                </TokenLozenge>
                <IssueKeyLink issueKey={s.issueKey} />
                <span>{s.summary}</span>
              </span>
              {s.promotedRiskId !== null ? (
                <span className="cf-risks-meta" data-testid={`signal-promoted-${s.issueKey}`}>
                  {t('riskRegister.signals.promoted')}
                </span>
              ) : (
                canEdit && (
                  <span className="cf-risks-actions">
                    <button
                      type="button"
                      className="cf-button"
                      disabled={busy === s.issueKey}
                      aria-label={`${t('riskRegister.signals.promote')}: ${s.issueKey}`}
                      data-testid={`signal-promote-${s.issueKey}`}
                      onClick={() => void promote(s.issueKey)}
                    >
                      {t('riskRegister.signals.promote')}
                    </button>
                  </span>
                )
              )}
              {failed?.key === s.issueKey && (
                <p role="alert" className="cf-error-text">
                  {t(`error.${failed.error.code}`)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function todayLocal(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The project page's Risks section: the register (filters, pages), its 5×5 matrix, the editor, and the derived signals. */
export function RisksSection() {
  const t = useRiskT();
  const backend = useBackend();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [matrix, setMatrix] = useState<{ cells: MatrixCellJson[]; total: number; truncated: boolean } | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [today] = useState(() => todayLocal(new Date()));
  const request = useRef(0);

  /** Reads the first page (`cursor` null) or the next one; the caller shows the loading state first. */
  const fetchList = useCallback(
    (cursor: string | null) => {
      const n = cursor === null ? ++request.current : request.current;
      void backend
        .call('risks/list', { filter: toFilter(filters), limit: PAGE_SIZE, ...(cursor === null ? {} : { cursor }) })
        .then((answer) => {
          if (n !== request.current) return;
          if (!answer.ok) {
            setList({ status: 'failed', error: answer.error });
            return;
          }
          setList((old) => ({
            status: 'ready',
            items: cursor !== null && old.status === 'ready' ? [...old.items, ...answer.data.items] : answer.data.items,
            cursor: answer.data.cursor,
            canEdit: answer.data.canEdit,
            loadingMore: false,
          }));
        });
    },
    [backend, filters],
  );
  const changeFilters = (change: (old: Filters) => Filters) => {
    setList({ status: 'loading' });
    setFilters(change);
  };
  const reloadList = () => {
    setList({ status: 'loading' });
    fetchList(null);
  };
  const loadMore = (cursor: string) => {
    setList((old) => (old.status === 'ready' ? { ...old, loadingMore: true } : old));
    fetchList(cursor);
  };
  const loadMatrix = useCallback(() => {
    void backend.call('risks/matrix', {}).then((answer) => {
      if (answer.ok) setMatrix(answer.data);
    });
  }, [backend]);
  useEffect(() => {
    fetchList(null);
  }, [fetchList]);
  useEffect(loadMatrix, [loadMatrix]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const replace = (risk: RegisterRiskJson) => {
    setList((old) =>
      old.status === 'ready'
        ? {
            ...old,
            items: old.items.some((r) => r.id === risk.id) ? old.items.map((r) => (r.id === risk.id ? risk : r)) : [risk, ...old.items],
          }
        : old,
    );
  };
  const say = (text: string) => {
    setNotice((old) => ({ text, n: (old?.n ?? 0) + 1 }));
  };
  const canEdit = list.status === 'ready' && list.canEdit;

  return (
    <section className="cf-settings cf-risks" aria-labelledby="cf-risks-heading" data-testid="risks">
      <SettingsStyles />
      <RiskStyles />
      <h2 id="cf-risks-heading">{t('riskRegister.heading')}</h2>
      <p className="cf-settings-intro">{t('riskRegister.intro')}</p>
      {list.status === 'ready' && !list.canEdit && (
        <p className="cf-message" data-testid="risks-read-only">
          {t('riskRegister.readOnly')}
        </p>
      )}
      <p role="status" className="cf-risks-notice" tabIndex={-1} ref={noticeRef} data-testid="risks-notice">
        {notice?.text}
      </p>

      <section className="cf-group" aria-labelledby="cf-risks-matrix">
        <h3 id="cf-risks-matrix">{t('riskRegister.matrix.heading')}</h3>
        {matrix === null ? (
          <LoadingState label={t('riskRegister.loading')} lines={3} />
        ) : (
          <>
            <RiskMatrix
              cells={matrix.cells}
              selected={filters.cell}
              onSelect={(cell) => changeFilters((old) => ({ ...old, cell, ...(cell ? { status: 'active' as const } : {}) }))}
            />
            {matrix.truncated && <p className="cf-hint">{t('riskRegister.matrix.truncated', { count: matrix.total })}</p>}
          </>
        )}
      </section>

      <section className="cf-group" aria-labelledby="cf-risks-list">
        <h3 id="cf-risks-list">{t('riskRegister.list.heading')}</h3>
        <div className="cf-risks-filters" role="group" aria-label={t('riskRegister.filter.heading')}>
          <div className="cf-field">
            <label className="cf-label" htmlFor="cf-risks-filter-status">
              {t('riskRegister.filter.status')}
            </label>
            <select
              id="cf-risks-filter-status"
              className="cf-select"
              data-testid="risks-filter-status"
              value={filters.status ?? 'any'}
              onChange={(e) => {
                const value = e.target.value;
                const status = value === 'any' || value === 'active' ? value : REGISTER_RISK_STATUSES.find((s) => s === value);
                if (status) changeFilters((old) => ({ ...old, status }));
              }}
            >
              <option value="active">{t('riskRegister.status.active')}</option>
              <option value="any">{t('riskRegister.status.any')}</option>
              {REGISTER_RISK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`riskRegister.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="cf-field">
            <label className="cf-label" htmlFor="cf-risks-filter-score">
              {t('riskRegister.filter.minScore')}
            </label>
            <select
              id="cf-risks-filter-score"
              className="cf-select"
              data-testid="risks-filter-score"
              value={filters.minScore === null ? '' : String(filters.minScore)}
              onChange={(e) => changeFilters((old) => ({ ...old, minScore: e.target.value === '' ? null : Number(e.target.value) }))}
            >
              <option value="">{t('riskRegister.filter.anyScore')}</option>
              {MIN_SCORES.map((n) => (
                <option key={n} value={String(n)}>
                  {`≥ ${String(n)} (${t(`riskRegister.level.${toRiskLevel(n)}`)})`}
                </option>
              ))}
            </select>
          </div>
          <label className="cf-choice" htmlFor="cf-risks-filter-client">
            <input
              id="cf-risks-filter-client"
              type="checkbox"
              data-testid="risks-filter-client"
              checked={filters.clientVisible}
              onChange={(e) => changeFilters((old) => ({ ...old, clientVisible: e.target.checked }))}
            />
            <span>{t('riskRegister.filter.clientVisible')}</span>
          </label>
          {filters.cell && (
            <button
              type="button"
              className="cf-button"
              data-testid="risks-clear-cell"
              onClick={() => changeFilters((old) => ({ ...old, cell: null }))}
            >
              {t('riskRegister.filter.clearCell')} (
              {t('riskRegister.filter.cell', { probability: filters.cell.probability, impact: filters.cell.impact })})
            </button>
          )}
        </div>

        {canEdit &&
          (editing?.id === null ? (
            <RiskEditor
              initial={newRiskDraft(globalThis.crypto.randomUUID())}
              revision={0}
              onCancel={() => setEditing(null)}
              onReload={() => {
                setEditing(null);
                reloadList();
              }}
              onSaved={(risk) => {
                setEditing(null);
                replace(risk);
                loadMatrix();
                say(t('riskRegister.editor.saved'));
              }}
            />
          ) : (
            <button type="button" className="cf-button cf-risks-add" data-testid="risks-add" onClick={() => setEditing({ id: null })}>
              {t('riskRegister.list.add')}
            </button>
          ))}

        {list.status === 'loading' ? (
          <LoadingState label={t('riskRegister.loading')} lines={4} />
        ) : list.status === 'failed' ? (
          <ErrorState error={list.error} onRetry={reloadList} />
        ) : (
          <>
            {list.items.length === 0 ? (
              <p className="cf-hint" data-testid="risks-none">
                {t('riskRegister.list.none')}
              </p>
            ) : (
              <ul className="cf-risks-records" data-testid="risks-list">
                {list.items.map((risk) =>
                  editing?.id === risk.id ? (
                    <li key={risk.id}>
                      <RiskEditor
                        initial={toRiskDraft(risk)}
                        revision={risk.revision}
                        onCancel={() => setEditing(null)}
                        onReload={() => {
                          setEditing(null);
                          reloadList();
                        }}
                        onSaved={(saved) => {
                          setEditing(null);
                          replace(saved);
                          loadMatrix();
                          say(t('riskRegister.editor.saved'));
                        }}
                      />
                    </li>
                  ) : (
                    <RiskItem
                      key={risk.id}
                      risk={risk}
                      canEdit={list.canEdit}
                      today={today}
                      onEdit={() => setEditing({ id: risk.id })}
                      onConverted={(converted) => {
                        replace(converted);
                        if (converted.jiraIssueKey) say(t('riskRegister.list.converted', { key: converted.jiraIssueKey }));
                      }}
                    />
                  ),
                )}
              </ul>
            )}
            {list.cursor !== null && (
              <button
                type="button"
                className="cf-button"
                data-testid="risks-more"
                disabled={list.loadingMore}
                onClick={() => {
                  if (list.cursor !== null) loadMore(list.cursor);
                }}
              >
                {t('riskRegister.list.more')}
              </button>
            )}
          </>
        )}
      </section>

      <SignalList
        canEdit={canEdit}
        onPromoted={(risk) => {
          replace(risk);
          loadMatrix();
          say(t('riskRegister.editor.saved'));
        }}
      />
    </section>
  );
}
