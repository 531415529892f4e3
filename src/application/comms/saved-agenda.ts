import type { AgendaLineJson, SavedAgendaJson, TouchpointSeriesJson } from '../../../contract/comms';
import { deriveNextOccurrences, deriveOccurrences } from '../../domain/cadence';
import { AppError } from '../app-error';
import { savedAgendaId, savedAgendaKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

/** How many of a series' next occurrences may get an edited agenda. */
export const EDITABLE_OCCURRENCES = 5;
/** How far around a touchpoint's day its series' occurrences are looked for. */
const NEAR_DAYS = 400;
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
 * The saved agenda a touchpoint of `series` on `date` had: the one saved for the series'
 * occurrence nearest to that day (the earlier on a tie) — the meeting it was, even when it
 * moved by a few days; never another occurrence's. Null when none was saved for it.
 */
export async function findAgendaForTouchpoint(
  records: RecordStore,
  projectId: string,
  series: TouchpointSeriesJson,
  date: string,
): Promise<string[] | null> {
  const at = Date.parse(`${date}T12:00:00.000Z`);
  const around = deriveOccurrences(series, new Date(at - NEAR_DAYS * MS_PER_DAY), new Date(at + NEAR_DAYS * MS_PER_DAY));
  const distance = (day: string) => Math.abs(Date.parse(`${day}T12:00:00.000Z`) - at);
  const nearest = around.reduce<string | null>((best, o) => (best === null || distance(o.day) < distance(best) ? o.day : best), null);
  if (nearest === null) return null;
  const saved = await records.collection(savedAgendaKind, projectId).get(savedAgendaId(series.id, nearest));
  return saved ? saved.lines.map((l) => l.text) : null;
}
