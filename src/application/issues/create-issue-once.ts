/**
 * Creating the Jira issue made from one of the app's records (an action item, a register risk,
 * a complaint) once, whatever the clicks, retries and crashes.
 *
 * The caller first claims the subject with a revisioned write that only one request wins; the
 * other waits for the winner's key (up to `CLAIM_WAIT_MS`, then CONFLICT: reload). The issue is
 * created with a label derived from the subject, so when an attempt dies between creating the
 * issue and recording its key, the attempt that takes over its claim (after `CLAIM_LEASE_MS`)
 * finds that issue by its label instead of creating a second one. The caller records the key on
 * its own record afterwards; until then, the claim answers it.
 */
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../app-error';
import type { Clock, IssueWriter, NewIssue } from '../ports';
import { issueClaimKind, type IssueClaim } from '../records/record-kinds';
import type { RecordStore } from '../storage';

/** A claim older than this was left by an attempt that died: the next one may take over. */
export const CLAIM_LEASE_MS = 60_000;
/** How long a second click waits for the first one's issue before answering CONFLICT. */
export const CLAIM_WAIT_MS = 8_000;
const CLAIM_POLL_MS = 250;
/**
 * Once Jira has created the issue its key must reach storage: the write is retried this many
 * times on a transient storage error (each try is itself the adapter's bounded retries).
 */
const KEY_PERSIST_ROUNDS = 4;

const isTransient = (error: unknown) => isAppError(error) && (error.code === 'RATE_LIMITED' || error.code === 'STORAGE_UNAVAILABLE');

/** Runs a write that must not be lost to a passing storage error, retrying it a few times. */
export async function persistently<T>(write: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isTransient(error) || round >= KEY_PERSIST_ROUNDS) throw error;
    }
  }
}
const LAPSED = new Date(0).toISOString();

export interface CreateIssueDeps {
  records: RecordStore;
  issues: IssueWriter;
  clock: Clock;
  /** Waits between looks at a claim another request holds. */
  sleep: (ms: number) => Promise<void>;
}

/** The claim's id and the issue's label for a subject: a hash of the project and the subject. */
export function toIssueMarker(projectId: string, subject: string): { claimId: string; label: string } {
  const hash = createHash('sha256').update(`${projectId}\u0000${subject}`).digest('hex');
  return { claimId: hash.slice(0, 40), label: `client-followup-${hash.slice(0, 16)}` };
}

type Claimed = { kind: 'done'; issueKey: string } | { kind: 'won'; record: IssueClaim; revision: number };

/**
 * The key of the Jira issue made from `subject`: the one a request before created, or one this
 * request creates from `build()` (called only when it does). `recorded()` answers a key the
 * subject's own record already holds, checked again once the claim is won.
 * @throws AppError CONFLICT when another request holds the claim past the wait; Jira's errors as
 *   is (the claim then lapses at once, so the next click retries, looking for the issue first).
 */
export async function createIssueOnce(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { subject: string; recorded: () => Promise<string | null>; build: () => Promise<Omit<NewIssue, 'projectKey' | 'labels'>> },
): Promise<string> {
  const marker = toIssueMarker(project.id, request.subject);
  const claims = deps.records.collection(issueClaimKind, project.id);
  const claim = await claimSubject(deps, project.id, request.subject, marker);
  if (claim.kind === 'done') return claim.issueKey;
  // Between the caller's read and the claim, an earlier request may have finished and recorded.
  const recorded = await request.recorded();
  if (recorded !== null) return recorded;

  let issueKey: string;
  try {
    const found = claim.record.attempt > 1 ? await deps.issues.findIssueByLabel(project.key, marker.label) : null;
    issueKey =
      found ?? (await deps.issues.createIssue({ ...(await request.build()), projectKey: project.key, labels: [marker.label] })).key;
  } catch (error) {
    await claims.save({ ...claim.record, claimedAt: LAPSED }, claim.revision).catch(() => undefined);
    throw error;
  }
  try {
    // The claim first: a request arriving now reads the key there even before the record has it.
    await persistently(() => claims.save({ ...claim.record, issueKey }, claim.revision));
  } catch (error) {
    // Taken over after our lease ran out: the taker found our issue by its label.
    if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
  }
  return issueKey;
}

/** Claims the subject for this request, or answers the key another request created. */
async function claimSubject(
  deps: CreateIssueDeps,
  projectId: string,
  subject: string,
  marker: { claimId: string; label: string },
): Promise<Claimed> {
  const claims = deps.records.collection(issueClaimKind, projectId);
  const waitUntil = deps.clock.now().getTime() + CLAIM_WAIT_MS;
  for (;;) {
    const current = await claims.getRevisioned(marker.claimId);
    if (current.value?.issueKey) return { kind: 'done', issueKey: current.value.issueKey };
    const now = deps.clock.now();
    const held = current.value !== undefined && now.getTime() - Date.parse(current.value.claimedAt) < CLAIM_LEASE_MS;
    if (held) {
      if (now.getTime() >= waitUntil) throw new AppError('CONFLICT', 'Another request is creating this Jira issue; reload in a moment');
      await deps.sleep(CLAIM_POLL_MS);
      continue;
    }
    const record: IssueClaim = {
      id: marker.claimId,
      subject,
      claimedAt: now.toISOString(),
      attempt: (current.value?.attempt ?? 0) + 1,
      label: marker.label,
      issueKey: null,
    };
    try {
      const saved = await claims.save(record, current.revision);
      return { kind: 'won', record, revision: saved.revision };
    } catch (error) {
      // Someone claimed between our read and our write: look again (and wait for them).
      if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
    }
  }
}
