import type { RegisterRiskJson, RiskFilterJson, RiskInputJson } from '../../../contract/risks';
import { deriveRiskMatrix, matchesRiskFilter, type MatrixCell } from '../../domain/risk-register';
import { AppError, isAppError } from '../app-error';
import { registerRiskKind } from '../records/record-kinds';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type RecordStore } from '../storage';

/**
 * A page of the register, newest first. Status and client visibility are filtered by the store;
 * the score and the matrix cell within the page read, so a filtered page may hold fewer than
 * `limit` risks while `cursor` says more follow (the UI's "Load more").
 * @throws AppError INVALID_PAYLOAD on a cursor the store does not know; storage errors as is.
 */
export async function listRisks(
  records: RecordStore,
  projectId: string,
  request: { filter?: RiskFilterJson | undefined; limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: RegisterRiskJson[]; cursor: string | null }> {
  const filter = request.filter ?? {};
  const where: Record<string, string | boolean> = {};
  if (filter.status === 'active') where.active = true;
  else if (filter.status !== undefined) where.status = filter.status;
  if (filter.clientVisible !== undefined) where.clientVisible = filter.clientVisible;
  const page = await records.collection(registerRiskKind, projectId).list({
    order: 'newest',
    limit: request.limit ?? DEFAULT_PAGE_SIZE,
    where,
    ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
  });
  return { items: page.items.filter((risk) => matchesRiskFilter(risk, filter)), cursor: page.cursor ?? null };
}

/** The matrix reads at most this many open risks (five pages). */
export const MAX_MATRIX_RISKS = 500;

/**
 * The 5×5 matrix of the open risks (optionally the client-visible ones only), from at most
 * `MAX_MATRIX_RISKS` of them: `truncated` says when more exist.
 */
export async function readRiskMatrix(
  records: RecordStore,
  projectId: string,
  options: { clientVisible?: boolean | undefined } = {},
): Promise<{ cells: MatrixCell[]; total: number; truncated: boolean }> {
  const risks = await readOpenRisks(records, projectId, MAX_MATRIX_RISKS);
  const counted = options.clientVisible === undefined ? risks.items : risks.items.filter((r) => r.clientVisible === options.clientVisible);
  return { cells: deriveRiskMatrix(counted), total: counted.length, truncated: risks.truncated };
}

/** Up to `max` open (open or mitigating) risks, newest first, page by page. */
export async function readOpenRisks(
  records: RecordStore,
  projectId: string,
  max: number,
): Promise<{ items: RegisterRiskJson[]; truncated: boolean }> {
  const store = records.collection(registerRiskKind, projectId);
  const items: RegisterRiskJson[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list({ order: 'newest', limit: MAX_PAGE_SIZE, where: { active: true }, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor && items.length < max);
  return { items: items.slice(0, max), truncated: items.length > max || cursor !== undefined };
}

/**
 * Creates a risk (`revision` 0) or saves an edit of the revision the editor read, in one
 * conditional write: two editors of the same revision cannot both save — the second gets
 * CONFLICT and nothing is lost. What the app keeps about the risk (where it was promoted from,
 * the Jira issue made from it, its creation time) is taken from the stored risk, never from the
 * editor's copy.
 * @throws AppError CONFLICT on a stale revision, or a creation whose id exists; NOT_FOUND when
 *   an edit names no stored risk; storage errors as is (nothing half-written: one write).
 */
export async function saveRisk(
  records: RecordStore,
  projectId: string,
  input: RiskInputJson,
  revision: number,
  now: Date,
): Promise<RegisterRiskJson> {
  const store = records.collection(registerRiskKind, projectId);
  const at = now.toISOString();
  if (revision === 0) {
    const created: RegisterRiskJson = { ...input, promotedFrom: null, jiraIssueKey: null, createdAt: at, updatedAt: at, revision: 1 };
    await store.save(created, 0).catch((error: unknown) => {
      throw isAppError(error) && error.code === 'CONFLICT'
        ? new AppError('CONFLICT', 'A risk with this id exists; reload the register')
        : error;
    });
    return created;
  }
  const { value: stored, revision: storedRevision } = await store.getRevisioned(input.id);
  if (!stored) throw new AppError('NOT_FOUND', 'No such risk');
  if (storedRevision !== revision) throw new AppError('CONFLICT', 'Someone saved this risk first; reload it');
  const updated: RegisterRiskJson = {
    ...input,
    promotedFrom: stored.promotedFrom,
    jiraIssueKey: stored.jiraIssueKey,
    createdAt: stored.createdAt,
    updatedAt: at,
    revision: revision + 1,
  };
  // One conditional write: of two editors of the same revision, the second gets CONFLICT.
  await store.save(updated, revision);
  return updated;
}
