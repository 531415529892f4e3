import { isCalendarDay } from '../../../contract/comms';
import { MAX_COMMENT_LENGTH, MAX_IMPORT_ROWS, type ImportErrorJson } from '../../../contract/feedback';
import { toZonedInstant } from '../cadence';
import { calendarDayOf } from '../issue-rules';
import { parseCsv } from './parse-csv';

/** One valid survey answer, ready to store. */
export interface SurveyRow {
  /** The file's line, for messages. */
  row: number;
  submissionId: string;
  /** Epoch ms of the answer. */
  at: number;
  rating: number;
  nps: number | null;
  comment: string;
  stakeholderId: string | null;
}

export const SURVEY_COLUMNS = ['date', 'rating', 'nps', 'comment', 'stakeholder', 'id'] as const;
const REQUIRED_COLUMNS = ['date', 'rating'] as const;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/u;
const RESPONSE_ID = /^[A-Za-z0-9_-]{1,50}$/u;

/** FNV-1a, 64 bits, as 16 hex digits: a stable name for a row's content (not a security hash). */
export function toContentHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

function toInt(text: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/u.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * Reads a survey export: a header row naming the columns (any order, any case; `date` and
 * `rating` required; `nps`, `comment`, `stakeholder` (a plan stakeholder's id or e-mail) and
 * `id` (the survey tool's response id) optional; other columns ignored), then one answer a row.
 *
 * Every row is checked before anything is answered, and every problem is reported with its line
 * and column, so the PM fixes the file once. A date is a calendar day (taken at noon in the
 * project's zone) or an ISO instant, and not after today.
 *
 * Submission ids make a re-import idempotent: `survey-<id>` from the response id, else a hash
 * of the row's content plus its occurrence among identical rows — so importing the same file
 * again, or a later export that repeats earlier answers, stores nothing twice.
 */
export function toSurveyRows(
  text: string,
  context: { now: number; timeZone: string; stakeholders: readonly { id: string; email: string | null }[] },
): { ok: true; rows: SurveyRow[] } | { ok: false; errors: ImportErrorJson[] } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [{ row: parsed.line, field: null, code: 'quote' }] };
  const [header, ...body] = parsed.rows;
  if (header === undefined) return { ok: false, errors: [{ row: 0, field: null, code: 'empty' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) return { ok: false, errors: missing.map((field) => ({ row: 1, field, code: 'header' as const })) };
  const column = Object.fromEntries(SURVEY_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof SURVEY_COLUMNS)[number], number>;
  const lines = body.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => !(cells.length === 1 && cells[0]?.trim() === ''));
  if (lines.length === 0) return { ok: false, errors: [{ row: 0, field: null, code: 'empty' }] };
  if (lines.length > MAX_IMPORT_ROWS) return { ok: false, errors: [{ row: 0, field: null, code: 'tooMany' }] };

  const today = calendarDayOf(context.now, context.timeZone);
  const stakeholderOf = new Map<string, string>();
  for (const s of context.stakeholders) {
    stakeholderOf.set(s.id.toLowerCase(), s.id);
    if (s.email !== null) stakeholderOf.set(s.email.toLowerCase(), s.id);
  }
  const errors: ImportErrorJson[] = [];
  const rows: SurveyRow[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of lines) {
    if (cells.length !== header.length) {
      errors.push({ row, field: null, code: 'columns' });
      continue;
    }
    const cell = (name: (typeof SURVEY_COLUMNS)[number]) => (column[name] < 0 ? '' : (cells[column[name]] ?? '').trim());
    const fail = (field: string, code: ImportErrorJson['code']) => errors.push({ row, field, code });
    const before = errors.length;

    const dateText = cell('date');
    let at: number | null = null;
    if (dateText === '') fail('date', 'required');
    else if (isCalendarDay(dateText)) at = toZonedInstant(dateText, '12:00', context.timeZone).getTime();
    else if (ISO_INSTANT.test(dateText) && Number.isFinite(Date.parse(dateText))) at = Date.parse(dateText);
    else fail('date', 'date');
    if (at !== null && calendarDayOf(at, context.timeZone) > today) fail('date', 'future');

    const ratingText = cell('rating');
    const rating = toInt(ratingText, 1, 5);
    if (ratingText === '') fail('rating', 'required');
    else if (rating === null) fail('rating', 'rating');

    const npsText = cell('nps');
    const nps = npsText === '' ? null : toInt(npsText, 0, 10);
    if (npsText !== '' && nps === null) fail('nps', 'nps');

    const comment = cell('comment');
    if (comment.length > MAX_COMMENT_LENGTH) fail('comment', 'tooLong');

    const stakeholderText = cell('stakeholder');
    const stakeholderId = stakeholderText === '' ? null : (stakeholderOf.get(stakeholderText.toLowerCase()) ?? null);
    if (stakeholderText !== '' && stakeholderId === null) fail('stakeholder', 'stakeholder');

    const responseId = cell('id');
    if (responseId !== '' && !RESPONSE_ID.test(responseId)) fail('id', 'id');

    if (errors.length > before || at === null || rating === null) continue;
    let submissionId: string;
    if (responseId !== '') {
      submissionId = `survey-${responseId}`;
      if (seen.has(submissionId)) {
        fail('id', 'duplicateId');
        continue;
      }
      seen.set(submissionId, 1);
    } else {
      const content = toContentHash(JSON.stringify([new Date(at).toISOString(), rating, nps, comment, stakeholderId]));
      const occurrence = (seen.get(content) ?? 0) + 1;
      seen.set(content, occurrence);
      submissionId = `csv-${content}-${String(occurrence)}`;
    }
    rows.push({ row, submissionId, at, rating, nps, comment, stakeholderId });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
