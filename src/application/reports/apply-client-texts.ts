/**
 * The PM's client wording and hidden lines applied to the client's report data (issue 11, "Draft
 * review"). Pure. `renderStoredReport` is the one caller, so every reader of the client version —
 * the draft preview, a published report, its exports and e-mails, the client's status page —
 * reads the same lines.
 */
import type { ClientIssueRefJson, ClientReportDataJson, ClientStatusReportJson } from '../../../contract/client-report';
import type { Language } from '../../../contract/language';
import {
  clientLineId,
  clientLineIdSchema,
  pmTextIn,
  type ClientLineJson,
  type ReportDraftTextsJson,
} from '../../../contract/report-narrative';

/**
 * Rules: a hidden issue leaves every list it is in (completed, in progress, next up, flagged,
 * blocked, waiting on the client); as a blocker of another issue it counts among the blockers
 * the client does not see; as an epic its group loses its heading. A hidden milestone, risk or
 * change request leaves its list (change totals stay: they count what was decided). Client
 * wording replaces an issue's summary, a milestone's name (the headline's too), a risk's text or
 * a change request's title, in the reader's language `lang`: a line the PM wrote no words for in
 * that language keeps Jira's text (an older, plain-string wording applies in both). Lines the
 * report no longer has are ignored.
 */
export function applyClientTexts(
  data: ClientReportDataJson,
  texts: ReportDraftTextsJson | undefined,
  lang: Language,
): ClientReportDataJson {
  const wording = texts?.clientWording ?? {};
  const hidden = new Set(texts?.hiddenLines ?? []);
  const words = (id: string): string | undefined => (Object.hasOwn(wording, id) ? pmTextIn(wording[id], lang) : undefined);
  if (hidden.size === 0 && Object.keys(wording).every((id) => words(id) === undefined)) return data;
  const shownIssue = (key: string) => !hidden.has(clientLineId('issue', key));
  const ref = <T extends ClientIssueRefJson>(issue: T): T => {
    const summary = words(clientLineId('issue', issue.key));
    return summary === undefined ? issue : { ...issue, summary };
  };
  const issues = <T extends ClientIssueRefJson>(list: readonly T[]): T[] => list.filter((i) => shownIssue(i.key)).map(ref);
  const { sections } = data;
  const milestoneNames = new Map(sections.milestones.map((m) => [m.name, m.id]));
  const milestones = sections.milestones
    .filter((m) => !hidden.has(clientLineId('milestone', m.id)))
    .map((m) => {
      const name = words(clientLineId('milestone', m.id));
      return name === undefined ? m : { ...m, name };
    });
  let headline = data.overall.headline;
  if (headline.code === 'onTrackWithMilestone') {
    const id = milestoneNames.get(headline.params.milestone);
    if (id !== undefined) {
      const line = clientLineId('milestone', id);
      const name = words(line);
      if (hidden.has(line)) headline = { code: 'onTrack', params: {} };
      else if (name !== undefined) headline = { ...headline, params: { ...headline.params, milestone: name } };
    }
  }
  return {
    ...data,
    overall: { ...data.overall, headline },
    sections: {
      ...sections,
      completed: sections.completed
        .map((group) => {
          const epic = group.epic;
          const epicShown = epic === null || shownIssue(epic.key);
          const epicWords = epic === null ? undefined : words(clientLineId('issue', epic.key));
          return {
            epic: epic === null || !epicShown ? null : epicWords === undefined ? epic : { ...epic, summary: epicWords },
            issues: issues(group.issues),
          };
        })
        .filter((group) => group.issues.length > 0),
      inProgress: issues(sections.inProgress),
      nextUp: issues(sections.nextUp),
      milestones,
      flagged: issues(sections.flagged),
      blocked: sections.blocked
        .filter((b) => shownIssue(b.issue.key))
        .map((b) => {
          const blockedBy = b.blockedBy.filter(shownIssue);
          return { issue: ref(b.issue), blockedBy, hiddenBlockers: b.hiddenBlockers + b.blockedBy.length - blockedBy.length };
        }),
      waitingOnClient: issues(sections.waitingOnClient),
      ...(sections.registerRisks === undefined
        ? {}
        : {
            registerRisks: sections.registerRisks
              .filter((r) => r.id === undefined || !hidden.has(clientLineId('risk', r.id)))
              .map((r) => {
                const text = r.id === undefined ? undefined : words(clientLineId('risk', r.id));
                return text === undefined ? r : { ...r, text };
              }),
          }),
      ...(sections.changeRequests === undefined
        ? {}
        : {
            changeRequests: {
              ...sections.changeRequests,
              items: sections.changeRequests.items
                .filter((c) => !hidden.has(clientLineId('change', c.id)))
                .map((c) => {
                  const title = words(clientLineId('change', c.id));
                  return title === undefined ? c : { ...c, title };
                }),
            },
          }),
      // The support section's overdue issues are issue lines too: hidden ones go (the counts stay), worded ones read so.
      ...(sections.support === undefined
        ? {}
        : {
            support: {
              ...sections.support,
              overdue: sections.support.overdue
                .filter((i) => shownIssue(i.key))
                .map((i) => {
                  const summary = words(clientLineId('issue', i.key));
                  return summary === undefined ? i : { ...i, summary };
                }),
            },
          }),
    },
  };
}

/**
 * Every line of the rendered client version the PM may reword or hide, once each, in reading
 * order: issues (epics included), milestones, register risks, change requests.
 */
export function toClientLines(report: ClientStatusReportJson): ClientLineJson[] {
  const lines = new Map<string, ClientLineJson>();
  const add = (line: ClientLineJson) => {
    // A key the client may not see reads as a marker, which names no line the PM could save.
    if (!lines.has(line.id) && clientLineIdSchema.safeParse(line.id).success) lines.set(line.id, line);
  };
  const issue = (i: { key: string; summary: string }) =>
    add({ id: clientLineId('issue', i.key), kind: 'issue', label: i.key, text: i.summary });
  const { sections } = report;
  for (const group of sections.completed) {
    if (group.epic) issue(group.epic);
    group.issues.forEach(issue);
  }
  sections.inProgress.forEach(issue);
  sections.nextUp.forEach(issue);
  sections.flagged.forEach(issue);
  sections.blocked.forEach((b) => issue(b.issue));
  sections.waitingOnClient.forEach(issue);
  (sections.support?.overdue ?? []).forEach(issue);
  for (const m of sections.milestones) add({ id: clientLineId('milestone', m.id), kind: 'milestone', label: '', text: m.name });
  for (const r of sections.registerRisks ?? []) {
    if (r.id !== undefined) add({ id: clientLineId('risk', r.id), kind: 'risk', label: '', text: r.text });
  }
  for (const c of sections.changeRequests?.items ?? []) add({ id: clientLineId('change', c.id), kind: 'change', label: '', text: c.title });
  return [...lines.values()];
}
