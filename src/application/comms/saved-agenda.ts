import type { AgendaLineJson, SavedAgendaJson, TouchpointSeriesJson } from '../../../contract/comms';
import { deriveNextOccurrences } from '../../domain/cadence';
import { AppError } from '../app-error';
import { savedAgendaId, savedAgendaKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

/** How many of a series' next occurrences may get an edited agenda. */
export const EDITABLE_OCCURRENCES = 5;
/** How far from a touchpoint's day a saved agenda still counts as that meeting's (a meeting moved by a few days). */
const CARRY_WINDOW_DAYS = 14;
const MS_PER_DAY = 86_400_000;

export interface SavedAgendaView {
  day: string;
  lines: AgendaLineJson[];
  revision: number;
}

/** The agenda the PM saved for the series' occurrence on `day`, or null when none was. */
export async function getSavedAgenda(
  records: RecordStore,
  projectId: string,
  seriesId: string,
  day: string,
): Promise<SavedAgendaView | null> {
  const stored = await records.collection(savedAgendaKind, projectId).getRevisioned(savedAgendaId(seriesId, day));
  return stored.value ? { day, lines: stored.value.lines, revision: stored.revision } : null;
}

/**
 * Saves the PM's agenda for one upcoming occurrence of `series` if `revision` is still the
 * stored one (0 for a first save). An occurrence is upcoming from its day until the next five
 * have passed: a meeting later today can still be prepared.
 * @throws AppError INVALID_PAYLOAD (field `day`) when `day` is not an upcoming occurrence;
 *   CONFLICT when someone saved since `revision` was read.
 */
export async function saveAgenda(
  records: RecordStore,
  projectId: string,
  series: TouchpointSeriesJson,
  edit: { day: string; lines: AgendaLineJson[]; revision: number },
  now: Date,
): Promise<SavedAgendaView> {
  const upcoming = deriveNextOccurrences(series, new Date(now.getTime() - MS_PER_DAY), EDITABLE_OCCURRENCES + 1).map((o) => o.day);
  if (!upcoming.includes(edit.day)) {
    throw new AppError('INVALID_PAYLOAD', 'The day is not an upcoming occurrence of the series.', {
      fields: [{ path: 'day', message: 'an upcoming occurrence of the series' }],
    });
  }
  const record: SavedAgendaJson = { seriesId: series.id, day: edit.day, lines: edit.lines };
  const saved = await records.collection(savedAgendaKind, projectId).save(record, edit.revision);
  return { day: edit.day, lines: saved.value.lines, revision: saved.revision };
}

/**
 * The saved agenda a touchpoint of `seriesId` on `date` had: the one of that day, else the
 * nearest saved within two weeks (the meeting moved), the earlier on a tie; null when none.
 */
export async function findAgendaForTouchpoint(
  records: RecordStore,
  projectId: string,
  seriesId: string,
  date: string,
): Promise<string[] | null> {
  const agendas = records.collection(savedAgendaKind, projectId);
  const exact = await agendas.get(savedAgendaId(seriesId, date));
  if (exact) return exact.lines.map((l) => l.text);
  const at = Date.parse(`${date}T00:00:00.000Z`);
  const iso = (ms: number) => new Date(ms).toISOString();
  const near = await agendas.list({
    where: { seriesId },
    from: iso(at - CARRY_WINDOW_DAYS * MS_PER_DAY),
    to: iso(at + CARRY_WINDOW_DAYS * MS_PER_DAY),
    order: 'oldest',
    limit: 100,
  });
  const distance = (day: string) => Math.abs(Date.parse(`${day}T00:00:00.000Z`) - at);
  const nearest = near.items.reduce<SavedAgendaJson | null>(
    (best, a) => (best === null || distance(a.day) < distance(best.day) ? a : best),
    null,
  );
  return nearest ? nearest.lines.map((l) => l.text) : null;
}
