import { getAcceptance } from '../acceptance/acceptance';
import type { ProjectSettingsJson } from '../../../contract/settings';
import type { SyncStatus } from '../../../contract/sync';
import { dropResolvedBlockers } from '../../domain/drop-resolved-blockers';
import type { Issue } from '../../domain/issue';
import { toProjectSettings } from '../../domain/settings';
import { AppError, isAppError } from '../app-error';
import type { Clock, Logger, RecordsSource, SiteMetadata, SyncSource } from '../ports';
import {
  changeMarkerKind,
  issueDeltaKind,
  kpiHistoryKind,
  reportDraftKind,
  siteMetadataKind,
  snapshotKind,
  syncPageKind,
  syncStateKind,
  type Snapshot,
  type SyncPage,
  type SyncState,
} from '../records/record-kinds';
import { SITE_PARTITION, type RecordStore, type Revisioned } from '../storage';
import { getProjectSettings } from '../project-settings';
import { markProjectRefreshed } from '../mark-project-dirty';
import { latestPublishedReport } from '../reports/published-reports';
import { readSinceLastBaseline } from '../reports/read-since-last-baseline';
import { deriveSnapshot } from './derive-snapshot';
import { withDraftTexts } from '../reports/draft-texts';
import { reuseKnownHistories } from './reuse-known-histories';
import {
  deleteOtherGenerations,
  STORED_REPORT_FORMAT,
  readCachedIssues,
  readDeltas,
  readSnapshot,
  toBuckets,
  toReportParts,
  writeGeneration,
} from './project-cache';

/** An incremental read starts this long before the last one did: clocks differ, Jira indexes late. */
export const INCREMENTAL_OVERLAP_MS = 10 * 60_000;
/** Projects up to this many issues sync within the calling resolver; larger ones in the consumer. */
export const INLINE_SYNC_MAX_ISSUES = 1500;
/** A running sync that has not written progress for this long was abandoned (its invocation died). */
export const SYNC_LEASE_MS = 2 * 60_000;
/** Changelogs are read for this many pending issues at once: one bulk changelog call takes 1000. */
const HISTORY_ISSUES_PER_STEP = 1000;
/** Site lists are read again after a day. */
const METADATA_MAX_AGE_MS = 24 * 3_600_000;

export interface SyncDeps {
  records: RecordStore;
  jira: SyncSource;
  clock: Clock;
  recordsSource: RecordsSource;
  log: Logger;
}

export interface SyncTarget {
  id: string;
  key: string;
}

/** Continues a sync in the async consumer. */
export interface SyncQueue {
  requestRefresh(projectId: string, projectKey: string): Promise<void>;
}

/** The project's sync status for the UI. */
export async function getSyncStatus(records: RecordStore, projectId: string): Promise<SyncStatus> {
  const [state, snapshot, marker] = await Promise.all([
    records.document(syncStateKind, projectId).get(),
    readSnapshot(records, projectId),
    records.document(changeMarkerKind, projectId).get(),
  ]);
  return toStatus(state.value, snapshot.value, marker.value?.changes ?? 0);
}

function toStatus(state: SyncState | undefined, snapshot: Snapshot | undefined, pendingChanges: number): SyncStatus {
  return {
    state: state === undefined ? (snapshot ? 'idle' : 'never') : state.state,
    asOf: snapshot?.asOf ?? null,
    pendingChanges: snapshot ? pendingChanges : 0,
    kind: state?.kind ?? null,
    progress:
      state?.state === 'running'
        ? { phase: state.phase, done: state.phase === 'issues' ? state.issuesDone : state.issuesDone, total: state.total }
        : null,
    error: state?.state === 'failed' && state.error ? { code: toErrorCode(state.error.code), message: state.error.message } : null,
    startedAt: state?.startedAt ?? null,
  };
}

function toErrorCode(code: string): NonNullable<SyncStatus['error']>['code'] {
  const known = ['FORBIDDEN', 'NOT_FOUND', 'JIRA_UNAVAILABLE', 'RATE_LIMITED', 'STORAGE_UNAVAILABLE'] as const;
  return (known as readonly string[]).includes(code) ? (code as (typeof known)[number]) : 'INTERNAL';
}

export type BeginOutcome =
  /** This caller owns the sync now (new, resumed after a failure, or taken over from a dead one). */
  | { owned: true; state: Revisioned<SyncState> }
  /** Another invocation is running it. */
  | { owned: false; state: SyncState };

/**
 * Starts the project's sync, or joins the one running: one sync per project at a time. A
 * failed or abandoned sync resumes from its cursor; otherwise a new one starts, incremental
 * when a snapshot exists (unless `full`), full otherwise.
 * @throws AppError STORAGE_UNAVAILABLE / RATE_LIMITED from storage.
 */
export async function beginSync(deps: SyncDeps, project: SyncTarget, options: { full?: boolean } = {}): Promise<BeginOutcome> {
  const document = deps.records.document(syncStateKind, project.id);
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await document.get();
    const state = current.value;
    const leaseUntil = new Date(now.getTime() + SYNC_LEASE_MS).toISOString();
    let next: SyncState;
    if (state?.state === 'running' && state.leaseUntil > now.toISOString()) return { owned: false, state };
    if (state && (state.state === 'running' || state.state === 'failed') && !options.full) {
      next = { ...state, state: 'running', leaseUntil, error: null };
    } else {
      const snapshot = (await readSnapshot(deps.records, project.id)).value;
      const full = options.full === true || snapshot === undefined;
      next = {
        state: 'running',
        kind: full ? 'full' : 'incremental',
        generation: Math.max(state?.generation ?? 0, snapshot?.generation ?? 0) + 1,
        startedAt: now.toISOString(),
        leaseUntil,
        phase: 'issues',
        pageToken: null,
        pagesDone: 0,
        pagesRead: 0,
        issuesDone: 0,
        total: null,
        updatedSince: snapshot === undefined || full ? null : Date.parse(snapshot.syncedFrom) - INCREMENTAL_OVERLAP_MS,
        error: null,
      };
    }
    try {
      return { owned: true, state: await document.save(next, current.revision) };
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
    }
  }
  const state = (await document.get()).value;
  if (!state) throw new AppError('STORAGE_UNAVAILABLE', 'The sync state could not be written');
  return { owned: false, state };
}

/** Site lists from the cache, read from Jira when missing or a day old. */
export async function siteMetadata(deps: Pick<SyncDeps, 'records' | 'jira' | 'clock'>): Promise<SiteMetadata> {
  const document = deps.records.document(siteMetadataKind, SITE_PARTITION);
  const cached = await document.get();
  const now = deps.clock.now().getTime();
  const hit = cached.value;
  if (hit && now - Date.parse(hit.fetchedAt) < METADATA_MAX_AGE_MS) {
    return {
      fields: hit.fields,
      statuses: hit.statuses,
      priorities: hit.priorities,
      ...(hit.customFieldIds ? { customFieldIds: hit.customFieldIds } : {}),
    };
  }
  const fresh = await deps.jira.readSiteMetadata();
  try {
    await document.save(
      {
        fetchedAt: new Date(now).toISOString(),
        fields: [...fresh.fields],
        ...(fresh.customFieldIds ? { customFieldIds: [...fresh.customFieldIds] } : {}),
        statuses: [...fresh.statuses],
        priorities: [...fresh.priorities],
      },
      cached.revision,
    );
  } catch (error) {
    // Another invocation refreshed it at the same time: theirs is as good.
    if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
  }
  return fresh;
}

/**
 * Runs the owned sync until it ends or `deadline` (epoch ms) passes, saving its cursor after
 * every step, so a later call (the consumer's next event) resumes exactly there. Answers
 * whether the sync finished. A failure is recorded in the state (the UI offers a retry,
 * which resumes) and rethrown.
 * Phases: `issues` (search pages, staged), `history` (changelogs of the staged issues that need
 * them), `derive` (merge with the cache, derive, write the next generation, switch to it).
 */
export async function runSync(
  deps: SyncDeps,
  project: SyncTarget,
  settings: ProjectSettingsJson,
  owned: Revisioned<SyncState>,
  limits: { deadline: number; handOffAboveIssues?: number; maxSteps?: number },
): Promise<boolean> {
  const document = deps.records.document(syncStateKind, project.id);
  let current = owned;
  const save = async (change: Partial<SyncState>, release = false) => {
    const until = deps.clock.now().getTime() + (release ? 0 : SYNC_LEASE_MS);
    current = await document.save({ ...current.value, ...change, leaseUntil: new Date(until).toISOString() }, current.revision);
  };
  try {
    const metadata = await siteMetadata(deps);
    const pages = deps.records.collection(syncPageKind, project.id);
    const { generation } = current.value;
    for (let step = 0; deps.clock.now().getTime() < limits.deadline && step < (limits.maxSteps ?? Infinity); step += 1) {
      const state = current.value;
      const now = deps.clock.now().getTime();
      if (state.phase === 'issues') {
        const total = state.total ?? (await deps.jira.countIssues(project.key, state.updatedSince));
        if (limits.handOffAboveIssues !== undefined && total > limits.handOffAboveIssues) {
          await save({ total }, true);
          return false;
        }
        const read = await deps.jira.readIssuePage(project.key, settings, metadata, {
          updatedSince: state.updatedSince,
          pageToken: state.pageToken,
          now,
        });
        const cached = state.kind === 'incremental' ? (await readSnapshot(deps.records, project.id)).value : undefined;
        const page = cached ? await reuseKnownHistories(deps.records, cached, read, settings) : read;
        await pages.put({
          generation,
          index: state.pagesRead,
          at: new Date(now).toISOString(),
          issues: page.issues,
          needsHistory: page.needsHistory,
        });
        await save({
          total,
          pageToken: page.nextPageToken,
          pagesRead: state.pagesRead + 1,
          issuesDone: state.issuesDone + page.issues.length,
          ...(page.nextPageToken === null ? { phase: 'history' as const, pagesDone: 0 } : {}),
        });
      } else if (state.phase === 'history') {
        // Consecutive staged pages whose pending issues fill one changelog batch (at least one page).
        const staged: SyncPage[] = [];
        let pendingCount = 0;
        for (let index = state.pagesDone; index < state.pagesRead; index += 1) {
          const page = await pages.get(`g${String(generation)}-p${String(index)}`);
          if (!page) throw new AppError('STORAGE_UNAVAILABLE', 'A page this sync read is missing; the next refresh reads it again');
          if (staged.length > 0 && pendingCount + page.needsHistory.length > HISTORY_ISSUES_PER_STEP) break;
          staged.push(page);
          pendingCount += page.needsHistory.length;
        }
        const pending = staged.flatMap((page) => page.issues.filter((issue) => page.needsHistory.includes(issue.id)));
        const withHistory = new Map((await deps.jira.readHistories(pending, settings, metadata)).map((issue) => [issue.id, issue]));
        for (const page of staged) {
          if (page.needsHistory.length === 0) continue;
          await pages.put({ ...page, issues: page.issues.map((issue) => withHistory.get(issue.id) ?? issue), needsHistory: [] });
        }
        const pagesDone = state.pagesDone + staged.length;
        await save({ pagesDone, ...(pagesDone >= state.pagesRead ? { phase: 'derive' as const } : {}) });
      } else {
        await derive(deps, project, settings, current.value, metadata);
        await save({ state: 'idle', phase: 'derive', pageToken: null });
        return true;
      }
    }
    // Out of time: release the lease so the consumer's next event takes over at once.
    await save({}, true);
    return false;
  } catch (error) {
    const failure = isAppError(error)
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL', message: 'The sync failed unexpectedly' };
    deps.log.warn('sync failed', { projectKey: project.key, code: failure.code });
    try {
      await save({ state: 'failed', error: failure }, true);
    } catch {
      // The failure is reported to the caller either way.
    }
    throw error;
  }
}

/**
 * Merges what this sync read with the cache (an incremental read updates the cached issues;
 * a full read replaces them), derives, writes the next generation and switches the snapshot to
 * it, then removes what the old generation and the consumed deltas left.
 */
async function derive(
  deps: SyncDeps,
  project: SyncTarget,
  readSettings: ProjectSettingsJson,
  state: SyncState,
  metadata: SiteMetadata,
): Promise<void> {
  // The latest saved settings: a save during a long sync applies to its derivation (the read
  // itself used `readSettings`; a change of what is read starts a full sync of its own).
  const saved = await getProjectSettings(deps.records, project.id);
  const settingsJson = saved.revision > 0 ? saved.value : readSettings;
  const pages = deps.records.collection(syncPageKind, project.id);
  const read: Issue[] = [];
  for (let index = 0; index < state.pagesRead; index += 1) {
    const page = await pages.get(`g${String(state.generation)}-p${String(index)}`);
    if (!page) throw new AppError('STORAGE_UNAVAILABLE', 'A page this sync read is missing; the next refresh reads it again');
    read.push(...page.issues);
  }
  const previous = await readSnapshot(deps.records, project.id);
  let issues = read;
  if (state.kind === 'incremental' && previous.value) {
    const byId = new Map((await readCachedIssues(deps.records, previous.value)).map((issue) => [issue.id, issue]));
    for (const issue of read) byId.set(issue.id, issue);
    // Deletions reach the cache by events; one missed shows as a count that differs from Jira's
    // (one cheap call), and only then are the project's ids read to drop what Jira no longer has.
    if ((await deps.jira.countIssues(project.key, null)) !== byId.size) {
      const live = new Set(await deps.jira.listIssueIds(project.key));
      for (const id of [...byId.keys()]) if (!live.has(id)) byId.delete(id);
    }
    issues = [...byId.values()];
  }
  const [jiraProject, milestones] = await Promise.all([deps.jira.getProject(project.key), deps.jira.listMilestones(project.key)]);
  const now = deps.clock.now().getTime();
  const settings = toProjectSettings(settingsJson);
  const [satisfaction, communication, changeRequests, registerRisks, lastReport, draftEdits, engagement] = await Promise.all([
    deps.recordsSource.satisfaction(project.id, now),
    deps.recordsSource.communication(project.id, now),
    deps.recordsSource.changeRequests(project.id),
    deps.recordsSource.registerRisks(project.id),
    latestPublishedReport(deps.records, project.id),
    deps.records.document(reportDraftKind, project.id).get(),
    deps.recordsSource.engagement(project.id),
  ]);
  // One report head (above) and its parts: what "since last report" compares with.
  const since = lastReport ? await readSinceLastBaseline(deps.records, project.id, lastReport) : undefined;
  const acceptances = (await getAcceptance(deps.records, project.id)).value.submissions;
  const data = {
    acceptances,
    project: jiraProject,
    issues: dropResolvedBlockers(issues),
    milestones,
    priorityCount: metadata.priorities.length,
    satisfaction,
    communication,
    changeRequests,
    registerRisks,
    ...(engagement === undefined ? {} : { engagement }),
  };
  // The draft covers what happened since the last published report.
  const derived = deriveSnapshot(
    data,
    settings,
    now,
    lastReport && since ? { periodEnd: Date.parse(lastReport.period.end), dimensions: lastReport.dimensions, since } : undefined,
    draftEdits.value?.override ?? null,
  );
  const buckets = toBuckets(data.issues);
  // The PM's texts travel with the data they were written for, and are published with it.
  const parts = toReportParts(withDraftTexts(derived.reports, draftEdits.value));
  await writeGeneration(deps.records, project.id, state.generation, derived.head.asOf, buckets, parts, derived.addedAfterBaseline);
  const snapshot: Snapshot = {
    ...derived.head,
    generation: state.generation,
    syncedFrom: state.startedAt,
    settingsRevision: saved.revision,
    reportFormat: STORED_REPORT_FORMAT,
    bucketCount: buckets.length,
    reportParts: parts.length,
  };
  await deps.records.document(snapshotKind, project.id).save(snapshot, previous.revision);
  await deps.records.collection(kpiHistoryKind, project.id).put(derived.point);
  await clearConsumedChanges(deps, project.id, state.startedAt);
  await deleteOtherGenerations(deps.records, project.id, {
    keep: state.generation,
    ...(previous.value ? { previous: previous.value } : {}),
    pagesRead: state.pagesRead,
  });
}

/** Deltas older than the sync's start were read by it; the change marker restarts from zero. */
async function clearConsumedChanges(deps: SyncDeps, projectId: string, syncStartedAt: string): Promise<void> {
  const deltas = deps.records.collection(issueDeltaKind, projectId);
  for (const delta of await readDeltas(deps.records, projectId)) if (delta.at < syncStartedAt) await deltas.delete(delta.issueId);
  // Changes counted meanwhile keep the marker: they are newer than the snapshot.
  await markProjectRefreshed(deps.records, projectId, (await deps.records.document(changeMarkerKind, projectId).get()).revision);
}
