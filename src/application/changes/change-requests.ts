import {
  CHANGE_STATUSES,
  type ChangeDraftJson,
  type ChangeListJson,
  type ChangeRequestJson,
  type ChangeStatus,
} from '../../../contract/changes';
import {
  ChangeRuleError,
  sumImpact,
  toChangeRequest,
  transitionChangeRequest,
  type MilestoneRef,
  type TransitionInput,
} from '../../domain/change-requests';
import { AppError, isAppError } from '../app-error';
import { changeRequestKind } from '../records/record-kinds';
import { MAX_PAGE_SIZE, type RecordStore } from '../storage';

/**
 * How many requests of one status the totals and the health read at most (pages of 100, newest
 * first): a project raises a few dozen a year, so this bounds a read without losing any in practice.
 */
export const MAX_CHANGE_REQUESTS_PER_STATUS = 500;

/** A page of the project's requests, newest first, optionally of one status. */
export async function listChangeRequests(
  records: RecordStore,
  projectId: string,
  options: { status?: ChangeStatus | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: ChangeRequestJson[]; cursor: string | null }> {
  const page = await records.collection(changeRequestKind, projectId).list({
    order: 'newest',
    limit: options.limit ?? 25,
    ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
    ...(options.status === undefined ? {} : { where: { status: options.status } }),
  });
  return { items: page.items, cursor: page.cursor ?? null };
}

/**
 * The project's requests of each status, newest first, at most `max` per status (bounded reads
 * by the stored status filter). `complete` is false when a status had more.
 */
export async function readChangeRequests(
  records: RecordStore,
  projectId: string,
  statuses: readonly ChangeStatus[] = CHANGE_STATUSES,
  max = MAX_CHANGE_REQUESTS_PER_STATUS,
): Promise<{ requests: ChangeRequestJson[]; complete: boolean }> {
  const collection = records.collection(changeRequestKind, projectId);
  const requests: ChangeRequestJson[] = [];
  let complete = true;
  for (const status of statuses) {
    let cursor: string | undefined;
    let read = 0;
    do {
      const page = await collection.list({ order: 'newest', limit: MAX_PAGE_SIZE, where: { status }, ...(cursor ? { cursor } : {}) });
      // The stored filter attribute is written with the value; the value is the truth.
      const fits = page.items.filter((r) => r.status === status).slice(0, max - read);
      requests.push(...fits);
      read += fits.length;
      cursor = page.cursor;
    } while (cursor && read < max);
    if (cursor) complete = false;
  }
  return { requests, complete };
}

/** Impact totals per status, over the bounded read (`readChangeRequests`). */
export async function summarizeChangeRequests(records: RecordStore, projectId: string): Promise<ChangeListJson['totals']> {
  const { requests, complete } = await readChangeRequests(records, projectId);
  return {
    byStatus: CHANGE_STATUSES.map((status) => ({ status, totals: sumImpact(requests.filter((r) => r.status === status)) })),
    counted: requests.length,
    complete,
  };
}

/** A domain rule broken, as the typed error the edge shows beside the field. */
function toAppError(error: ChangeRuleError, prefix: string): AppError {
  return new AppError('INVALID_PAYLOAD', error.message, {
    fields: [{ path: prefix === '' ? error.field : `${prefix}.${error.field}`, message: error.message }],
  });
}

async function current(records: RecordStore, projectId: string, id: string, revision: number): Promise<ChangeRequestJson | undefined> {
  const { value: previous, revision: stored } = await records.collection(changeRequestKind, projectId).getRevisioned(id);
  if (revision === 0) {
    if (previous !== undefined) throw new AppError('CONFLICT', 'A request with this id exists already; reload the list');
    return undefined;
  }
  if (previous === undefined) throw new AppError('NOT_FOUND', 'No such change request');
  if (stored !== revision) throw new AppError('CONFLICT', 'Someone changed this request since you opened it');
  return previous;
}

/** Writes `next` only if the stored request is still at `revision`: of two editors, the second gets CONFLICT. */
async function saveAt(records: RecordStore, projectId: string, next: ChangeRequestJson, revision: number): Promise<void> {
  await records
    .collection(changeRequestKind, projectId)
    .save(next, revision)
    .catch((error: unknown) => {
      if (isAppError(error) && error.code === 'CONFLICT') {
        throw new AppError(
          'CONFLICT',
          revision === 0 ? 'A request with this id exists already; reload the list' : 'Someone changed this request since you opened it',
        );
      }
      throw error;
    });
}

/**
 * Creates a request (`revision` 0) or edits the one with the draft's id at `revision`. The
 * milestone's name and original target come from `milestones` (the project's versions as the
 * snapshot knows them); a milestone it does not know is refused.
 * @throws AppError CONFLICT (stale revision, or an id taken), NOT_FOUND, INVALID_PAYLOAD (a
 *   decided request, an unknown milestone); storage errors as they are.
 */
export async function saveChangeRequest(
  records: RecordStore,
  projectId: string,
  input: { draft: ChangeDraftJson; revision: number; milestones: readonly MilestoneRef[]; now: number },
): Promise<ChangeRequestJson> {
  const { draft } = input;
  const milestone = draft.milestone === null ? undefined : input.milestones.find((m) => m.id === draft.milestone?.id);
  if (draft.milestone !== null && milestone === undefined) {
    throw new AppError('INVALID_PAYLOAD', 'The milestone is not a version of this project', {
      fields: [{ path: 'request.milestone.id', message: 'a version of this project' }],
    });
  }
  const previous = await current(records, projectId, draft.id, input.revision);
  let next: ChangeRequestJson;
  try {
    next = toChangeRequest(draft, previous, milestone, input.now);
  } catch (error) {
    if (error instanceof ChangeRuleError) throw toAppError(error, '');
    throw error;
  }
  await saveAt(records, projectId, next, input.revision);
  return next;
}

/**
 * Moves the request `id` at `revision` along its lifecycle, the decision timed by `now`.
 * @throws AppError CONFLICT (stale revision), NOT_FOUND, INVALID_PAYLOAD (a move the lifecycle
 *   does not allow, a missing decider or reason; with the field); storage errors as they are.
 */
export async function transitionStoredChangeRequest(
  records: RecordStore,
  projectId: string,
  input: TransitionInput & { id: string; revision: number; now: number },
): Promise<ChangeRequestJson> {
  if (input.revision === 0) throw new AppError('NOT_FOUND', 'No such change request');
  const previous = await current(records, projectId, input.id, input.revision);
  if (previous === undefined) throw new AppError('NOT_FOUND', 'No such change request');
  let next: ChangeRequestJson;
  try {
    next = transitionChangeRequest(previous, input, input.now);
  } catch (error) {
    if (error instanceof ChangeRuleError) throw toAppError(error, '');
    throw error;
  }
  await saveAt(records, projectId, next, input.revision);
  return next;
}
