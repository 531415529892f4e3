import type { ActionItemJson, TouchpointJson } from '../../../contract/comms';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** An item as the PM edits it: its Jira key is the app's, never the editor's change. */
const edited = (item: ActionItemJson) => ({ ...item, jiraIssueKey: null });

/**
 * "Reload and re-apply" for a touchpoint: the PM's edit (`mine`, made on `base`) applied on the
 * newer stored version (`theirs`). A field the PM changed takes the PM's value, any other field
 * keeps theirs; action items merge by id the same way — an item the PM changed is the PM's, one
 * they added or changed that the PM left alone is theirs, one the PM removed stays removed, and
 * Jira keys created meanwhile are kept.
 */
export function reapplyTouchpointEdit(base: TouchpointJson, mine: TouchpointJson, theirs: TouchpointJson): TouchpointJson {
  const pick = <K extends 'date' | 'seriesId' | 'attendees' | 'decisions' | 'openQuestions'>(key: K): TouchpointJson[K] =>
    same(mine[key], base[key]) ? theirs[key] : mine[key];
  const baseItems = new Map(base.actionItems.map((i) => [i.id, i]));
  const theirItems = new Map(theirs.actionItems.map((i) => [i.id, i]));
  const mineIds = new Set(mine.actionItems.map((i) => i.id));
  const items: ActionItemJson[] = [];
  for (const item of mine.actionItems) {
    const was = baseItems.get(item.id);
    const now = theirItems.get(item.id);
    if (was === undefined) items.push(item);
    else if (!same(edited(item), edited(was))) items.push({ ...item, jiraIssueKey: item.jiraIssueKey ?? now?.jiraIssueKey ?? null });
    else if (now !== undefined) items.push(now);
  }
  for (const item of theirs.actionItems) if (!baseItems.has(item.id) && !mineIds.has(item.id)) items.push(item);
  const agenda = same(mine.agenda, base.agenda) ? theirs.agenda : mine.agenda;
  return {
    id: theirs.id,
    seriesId: pick('seriesId'),
    date: pick('date'),
    attendees: pick('attendees'),
    decisions: pick('decisions'),
    actionItems: items,
    openQuestions: pick('openQuestions'),
    ...(agenda ? { agenda } : {}),
  };
}
