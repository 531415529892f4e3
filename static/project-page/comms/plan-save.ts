import type { AppErrorJson } from '../../../contract';
import type { CommsView } from '../../../contract/comms';
import type { BackendClient } from '../../shared/backend-client';
import { applyPlanChange, type PlanChange } from './comms-drafts';

export type SaveOutcome = { kind: 'saved'; view: CommsView } | { kind: 'conflict' } | { kind: 'failed'; error: AppErrorJson };

/** Saves one change on top of `view` at its revision; a stale revision answers `conflict`. */
export async function savePlanChange(backend: BackendClient, view: CommsView, change: PlanChange): Promise<SaveOutcome> {
  const answer = await backend.call('comms/save', { plan: applyPlanChange(view.plan, change), revision: view.revision });
  if (answer.ok) return { kind: 'saved', view: answer.data };
  return answer.error.code === 'CONFLICT' ? { kind: 'conflict' } : { kind: 'failed', error: answer.error };
}

/** "Reload and re-apply": reads the newer plan and saves the same change on it. */
export async function reapplyPlanChange(backend: BackendClient, change: PlanChange): Promise<SaveOutcome> {
  const latest = await backend.call('comms/get', {});
  if (!latest.ok) return { kind: 'failed', error: latest.error };
  return savePlanChange(backend, latest.data, change);
}
