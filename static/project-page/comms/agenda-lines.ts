import { agendaLineSchema, type AgendaJson, type AgendaLineJson } from '../../../contract/comms';
import { newId, type FieldErrors } from './comms-drafts';

/** How a drafted agenda reads as lines to edit: each part's label, then its item. */
export interface AgendaWording {
  openItems: string;
  overdueItems: string;
  risks: string;
  waiting: string;
  decisionsDue: string;
  item: (a: AgendaJson['openActionItems'][number]) => string;
}

/** The drafted agenda as editable lines, in the order the view shows its parts. */
export function toAgendaLines(agenda: AgendaJson, wording: AgendaWording): AgendaLineJson[] {
  const issue = (i: AgendaJson['risksAndBlockers'][number]) => `${i.key} ${i.summary}`;
  const texts = [
    ...agenda.overdueActionItems.map((a) => `${wording.overdueItems}: ${wording.item(a)}`),
    ...agenda.openActionItems
      .filter((a) => !agenda.overdueActionItems.some((o) => o.item.id === a.item.id && o.touchpointId === a.touchpointId))
      .map((a) => `${wording.openItems}: ${wording.item(a)}`),
    ...agenda.risksAndBlockers.map((i) => `${wording.risks}: ${issue(i)}`),
    ...agenda.waitingOnClient.map((i) => `${wording.waiting}: ${issue(i)}`),
    ...agenda.decisionsDue.map((d) => `${wording.decisionsDue}: ${d.question}`),
  ];
  return texts.slice(0, 100).map((text) => ({ id: newId(), text: text.slice(0, 2000) }));
}

/** The lines to save, or each blank or too long line's problem keyed `lines.<n>`. */
export function parseAgendaLines(
  lines: readonly AgendaLineJson[],
): { ok: true; value: AgendaLineJson[] } | { ok: false; errors: FieldErrors } {
  const errors: Record<string, FieldErrors[string]> = {};
  const value: AgendaLineJson[] = [];
  lines.forEach((line, n) => {
    const parsed = agendaLineSchema.safeParse(line);
    if (parsed.success) value.push(parsed.data);
    else errors[`lines.${String(n)}`] = line.text.trim() === '' ? 'comms.error.required' : 'comms.error.invalid';
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The line at `from` moved by one place up (-1) or down (+1); unchanged at either end. */
export function moveLine<T>(lines: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= lines.length || to < 0 || to >= lines.length) return [...lines];
  const next = [...lines];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}
