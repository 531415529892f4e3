/**
 * The status report as Markdown, for pasting into an e-mail or a wiki. Pure: the report in,
 * text out; the words come from the message catalogue in the report's language. Text from Jira
 * is escaped so a summary cannot add links, emphasis, table cells or markup — also where the
 * text is pasted into a tool that reads it as HTML rather than Markdown.
 */
import { withoutBidiControls } from '../../../contract/text';
import { NARRATIVE_MESSAGES } from '../../../contract/i18n/narrative-messages';
import { translator } from '../../../contract/i18n/strings';
import { narrativeParagraphs, sentenceJoiner } from './narrative-blocks';
import type { Language } from '../../../contract/language';
import type { ClientIssueRefJson, ClientMilestoneJson, ClientStatusReportJson } from '../../../contract/client-report';
import type { StatusReportJson } from '../../../contract/report';
import type { ChangeSectionJson, ClientChangeSectionJson } from '../../../contract/change-report';
import {
  describeChangeDetails,
  describeChangeState,
  describeChangeTotals,
  describeRequestImpact,
} from '../../../contract/i18n/change-sentences';
import {
  RENDERED_ISSUE_RISKS,
  describeClientBlockers,
  describeActionItem,
  describeClientProgress,
  describeClientRegisterRisk,
  describeDecisionSource,
  describeEvidence,
  describeForecasts,
  describeIssueRef,
  describeProgress,
  describeRegisterRisk,
  describeSlip,
  describeTarget,
  describeWait,
  dimensionEntries,
  parenthetical,
  reportDates,
  reportWords,
  showsDataQuality,
  type RenderOptions,
  type ReportDates,
  type ReportWords,
} from './report-text';
import { sinceLastMarkdown } from './render-since-last';
import { acceptanceMarkdown } from './render-acceptance';
import { SUPPORT_MESSAGES } from '../../../contract/i18n/support-messages';
import { describeSupportOverdue, describeSupportTotal, supportTargetLines } from '../../../contract/i18n/support-sentences';
import type { SupportSectionJson } from '../../../contract/support-report';

/**
 * Escapes text for Markdown on one line: newlines become spaces, and only what would change the
 * meaning is escaped, so the Markdown still pastes cleanly where it is read raw. Markdown syntax
 * that could add emphasis, code, links, table cells or strike-through gets a backslash (`\\ \` * _ [ ] | ~`;
 * `_` only where it could open emphasis, not inside a word such as `snake_case`); a `#` or `>`
 * that starts the text (a heading or a quote) gets one too. Nothing is turned into an HTML entity
 * except what could open a tag: a `<` followed by a letter, `/`, `!` or `?` becomes `&lt;` (a
 * backslash would not do: pasted into a tool that takes the text as HTML, `\\<b>` is still a
 * tag), and an `&` that would read as an entity becomes `&amp;`. "R&D", "a < b" and "<3" stay
 * as written.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownLine(withoutBidiControls(text).replace(/\s*[\r\n]+\s*/gu, ' '));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeMarkdownLine(line: string): string {
  return line
    .replace(/[\\`*[\]|~]/gu, (ch) => `\\${ch}`)
    .replace(/_/gu, (ch, at: number, all: string) =>
      WORD_CHAR.test(all.charAt(at - 1)) && WORD_CHAR.test(all.charAt(at + 1)) ? ch : `\\${ch}`,
    )
    .replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '&amp;')
    .replace(/<(?=[\p{L}/!?])/gu, '&lt;')
    .replace(/^(\s*)([#>])/u, '$1\\$2');
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)(.*)$/u;

/**
 * A paragraph the PM wrote, for Markdown, keeping their line breaks: a line that starts as a list
 * item ("- one", "* two", "1. three") stays a list item, with the rest of the line escaped; other
 * lines are escaped as `escapeMarkdown` does and end with a hard line break, so each reads on its
 * own line.
 */
export function escapeMarkdownLines(text: string): string {
  const lines = withoutBidiControls(text)
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines
    .map((line, index) => {
      const item = LIST_ITEM.exec(line);
      // A line of only "-" or "=" would turn the line above into a heading.
      const escaped = item
        ? `${item[2] ?? '-'} ${escapeMarkdownLine(item[4] ?? '')}`
        : escapeMarkdownLine(line)
            .replace(/^([-=+])/u, '\\$1')
            .replace(/^(\d+)([.)])/u, '$1\\$2');
      const next = lines[index + 1];
      const hardBreak = next !== undefined && !LIST_ITEM.test(next) && !item;
      return hardBreak ? `${escaped}\\` : escaped;
    })
    .join('\n');
}

/**
 * How text from Jira and the PM is written: escaped for Markdown, or as it is for a plain-text
 * rendering (`renderReportText`). Set only for the length of one synchronous rendering.
 */
let md: (text: string) => string = escapeMarkdown;
let mdLines: (text: string) => string = escapeMarkdownLines;
let plainKeys = false;

/**
 * The report as plain text (an e-mail's text/plain part): the Markdown layout, with nothing
 * escaped — a plain-text reader shows every character as it is, so "R&D <team> *bold*" reads
 * exactly that — and issue keys without link syntax.
 */
export function renderReportText(report: StatusReportJson | ClientStatusReportJson, options: RenderOptions = {}): string {
  const plain = (text: string) => withoutBidiControls(text).replace(/\s*[\r\n]+\s*/gu, ' ');
  md = plain;
  mdLines = (text) =>
    withoutBidiControls(text)
      .split(/\r\n|\r|\n/u)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
  plainKeys = true;
  try {
    return renderReportMarkdown(report, options);
  } finally {
    md = escapeMarkdown;
    mdLines = escapeMarkdownLines;
    plainKeys = false;
  }
}

type KeyLink = (key: string) => string;

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** An issue key, linked to the issue in Jira when the rendering is the team's (`keyLink`). */
function keyText(key: string, keyLink: KeyLink | undefined): string {
  if (plainKeys) return key;
  return keyLink ? `[${md(key)}](${keyLink(key)})` : md(key);
}

function issueLine(issue: ClientIssueRefJson, t: ReportWords, dates: ReportDates, extra?: string, keyLink?: KeyLink): string {
  const tail = extra ? ` — ${extra}` : '';
  return `- **${keyText(issue.key, keyLink)}** ${md(issue.summary)}${md(parenthetical(describeIssueRef(issue, t, dates), t))}${tail}`;
}

/** Lines being written, with a blank line and a heading that keep Markdown's spacing. */
function markdownWriter(): { out: string[]; blank: () => void; heading: (level: number, text: string) => void } {
  const out: string[] = [];
  const blank = () => {
    if (out.at(-1) !== '') out.push('');
  };
  const heading = (level: number, text: string) => {
    blank();
    out.push(`${'#'.repeat(level)} ${text}`, '');
  };
  return { out, blank, heading };
}

/** Completed (by epic), in progress and next up: the same for both audiences. */
function writeWork(
  sections: { completed: readonly { epic: { key: string; summary: string } | null; issues: readonly ClientIssueRefJson[] }[] } & Record<
    'inProgress' | 'nextUp',
    readonly ClientIssueRefJson[]
  >,
  t: ReportWords,
  dates: ReportDates,
  into: { heading: (level: number, text: string) => void; blank: () => void; out: string[] },
  keyLink?: KeyLink,
): void {
  const { heading, blank, out } = into;
  heading(2, t('report.completed'));
  if (sections.completed.length === 0) out.push(t('report.empty'));
  for (const group of sections.completed) {
    blank();
    out.push(group.epic ? `**${keyText(group.epic.key, keyLink)} ${md(group.epic.summary)}**` : `**${t('report.noEpic')}**`, '');
    out.push(...issueList(group.issues, t, dates, keyLink));
  }

  heading(2, t('report.inProgress'));
  out.push(...issueList(sections.inProgress, t, dates, keyLink));
  heading(2, t('report.nextUp'));
  out.push(...issueList(sections.nextUp, t, dates, keyLink));
}

function issueList(issues: readonly ClientIssueRefJson[], t: ReportWords, dates: ReportDates, keyLink?: KeyLink): string[] {
  return issues.length === 0 ? [t('report.empty')] : issues.map((issue) => issueLine(issue, t, dates, undefined, keyLink));
}

/**
 * `options.timeZone`: the zone instants are shown in (the project's); UTC, named, without one.
 * The client's report has its own layout (`renderClientReportMarkdown`).
 */
export function renderReportMarkdown(report: StatusReportJson | ClientStatusReportJson, options: RenderOptions = {}): string {
  if (report.audience === 'client') return renderClientReportMarkdown(report, options);
  const t = reportWords(report.lang);
  const dates = reportDates(report.lang, options);
  const colon = t('report.colon');
  const { overall, sections } = report;
  const { out, blank, heading } = markdownWriter();
  const keyLink = options.issueUrl;

  out.push(`# ${t('report.title')}${colon}${md(report.project.name)}${md(parenthetical(report.project.key, t))}`, '');
  out.push(
    [
      `${t('report.generatedAt')}${colon}${md(dates.instant(report.generatedAt))}`,
      md(t('report.period', { range: dates.period(report.period) })),
      `${t('report.audience')}${colon}${t(`report.audienceName.${report.audience}`)}`,
    ].join(' · '),
  );

  heading(2, t('report.overall'));
  const computedNote =
    overall.computed === overall.reported ? '' : parenthetical(`${t('report.computed')}${colon}${t(`rag.${overall.computed}`)}`, t);
  out.push(`**${t('report.reported')}${colon}${t(`rag.${overall.reported}`)}**${computedNote}`, '', md(overall.headline));
  if (overall.overrideReason) out.push('', `> ${md(t('health.overrideReason', { reason: overall.overrideReason }))}`);
  writeNarrative(report, out, heading, keyLink);

  heading(2, t('report.dimensions'));
  out.push(
    ...table(
      [t('report.col.dimension'), t('report.col.status'), t('report.col.measure'), t('report.col.why'), t('report.col.evidence')],
      dimensionEntries(report).map(([, d]) => {
        const status = [t(`rag.${d.rag}`), d.enabled ? '' : t('health.off'), d.sustained ? t('health.sustained') : '']
          .filter(Boolean)
          .join(t('report.comma'));
        // One line per table row: measures are separated by semicolons, never by raw HTML.
        const measures =
          d.measures
            .map((m) => `${md(m.label)}${colon}${md(m.display)}${parenthetical(t(`rag.${m.rag}`), t)}`)
            .join(t('report.semicolon')) || '—';
        return [md(d.label), status, measures, md(d.why) || '—', md(describeEvidence(d.evidence, t, d.evidenceCount))];
      }),
    ),
  );

  blank();
  out.push(
    ...sinceLastMarkdown(
      {
        section: sections.sinceLast,
        lang: report.lang,
        audience: 'internal',
        instant: dates.instant,
        keyLink: plainKeys ? undefined : keyLink,
      },
      md,
    ),
  );

  writeWork(sections, t, dates, { heading, blank, out }, keyLink);

  heading(2, t('report.milestones'));
  out.push(...milestoneLines(sections.milestones, t, dates, report.lang, (m) => describeProgress(m.progress, t)));
  const forecasts = describeForecasts(report);
  if (forecasts.length > 0) {
    blank();
    out.push(...forecasts.map((n) => `- ${md(n.name)}${colon}${md(n.text)}`));
  }

  heading(2, t('report.risks'));
  heading(3, t('report.flagged'));
  out.push(...issueList(sections.risks.flagged, t, dates, keyLink));
  heading(3, t('report.blocked'));
  out.push(
    ...(sections.risks.blocked.length === 0
      ? [t('report.empty')]
      : sections.risks.blocked.map((b) =>
          issueLine(b.issue, t, dates, `${t('report.blockedBy')} ${b.blockedBy.map((k) => keyText(k, keyLink)).join(', ')}`, keyLink),
        )),
  );
  heading(3, t('report.topRisks'));
  out.push(
    ...(sections.risks.topRisks.length === 0
      ? [t('report.empty')]
      : sections.risks.topRisks.map((r) =>
          issueLine(r.issue, t, dates, `${t(`risk.level.${r.level}`)}${parenthetical(`${t('risk.score')} ${r.score}`, t)}`, keyLink),
        )),
  );
  heading(3, t('report.registerRisks'));
  const registerRisks = sections.registerRisks ?? [];
  out.push(
    ...(registerRisks.length === 0
      ? [t('report.empty')]
      : registerRisks.map((r) => {
          const title = r.overdue ? `**${md(r.title)}**` : md(r.title);
          return `- ${title} — ${md(describeRegisterRisk(r, t, dates))}`;
        })),
  );

  heading(2, t('report.waitingOnClient'));
  out.push(
    ...(sections.waitingOnClient.length === 0
      ? [t('report.empty')]
      : sections.waitingOnClient.map((w) => issueLine(w, t, dates, md(describeWait(w.wait, t, dates, report.lang)), keyLink))),
  );
  writeSupport(sections.support, report.lang, options.timeZone, heading, out, keyLink);

  writeChanges(sections.changeRequests, 'internal', report.lang, t, heading, out);
  out.push(...acceptanceMarkdown(sections.acceptance, report.lang, dates, md));
  writeMinutes(sections, t, dates, heading, out);

  heading(2, t('report.issueRisks'));
  const shown = report.issueRisks.slice(0, RENDERED_ISSUE_RISKS);
  if (shown.length === 0) out.push(t('report.empty'));
  else {
    if (shown.length < report.issueRisks.length)
      out.push(t('report.issueRisksShown', { shown: shown.length, total: report.issueRisks.length }), '');
    out.push(
      ...table(
        [t('report.col.key'), t('risk.score'), t('risk.level'), t('risk.reasons')],
        shown.map((r) => [
          keyText(r.key, keyLink),
          String(r.score),
          t(`risk.level.${r.level}`),
          r.reasons.map(md).join(t('report.semicolon')) || '—',
        ]),
      ),
    );
  }

  if (showsDataQuality(report)) {
    heading(2, t('report.dataQuality'));
    out.push(
      ...(report.dataQuality.length === 0
        ? [t('report.empty')]
        : report.dataQuality.map((note) => `- ${note.issueKey ? `**${keyText(note.issueKey, keyLink)}** ` : ''}${md(note.message)}`)),
    );
  }
  return `${out.join('\n')}\n`;
}

type MilestoneRow = Omit<ClientMilestoneJson, 'progress'>;

/** `progress`: the internal report's counts, or the client's percentage. */
function milestoneLines<M extends MilestoneRow>(
  milestones: readonly M[],
  t: ReportWords,
  dates: ReportDates,
  lang: Language,
  progress: (m: M) => string,
): string[] {
  return milestones.length === 0
    ? [t('report.empty')]
    : table(
        [
          t('report.col.milestone'),
          t('report.col.status'),
          t('report.col.target'),
          t('report.col.forecast'),
          t('report.col.slipDays'),
          t('report.col.progress'),
        ],
        milestones.map((m) => [
          md(m.name) + (m.released ? parenthetical(t('report.released'), t) : ''),
          t(`rag.${m.rag}`),
          md(describeTarget(m, t, dates)),
          m.forecastDate === null ? '—' : md(dates.day(m.forecastDate)),
          md(describeSlip(m.slipDays, lang)),
          md(progress(m)),
        ]),
      );
}

/**
 * The client's report as Markdown: the reported status, the dimensions the client sees, the
 * work (keys as plain text), milestones, flagged and blocked work, and what waits on the client.
 */
function renderClientReportMarkdown(report: ClientStatusReportJson, options: RenderOptions): string {
  const t = reportWords(report.lang);
  const dates = reportDates(report.lang, options);
  const colon = t('report.colon');
  const { overall, sections } = report;
  const { out, blank, heading } = markdownWriter();

  out.push(`# ${t('report.title')}${colon}${md(report.project.name)}`, '');
  out.push(
    [
      `${t('report.generatedAt')}${colon}${md(dates.instant(report.generatedAt))}`,
      md(t('report.period', { range: dates.period(report.period) })),
    ].join(' · '),
  );

  heading(2, t('report.overall'));
  out.push(`**${t('report.status')}${colon}${t(`rag.${overall.reported}`)}**`, '', md(overall.headline));
  writeNarrative(report, out, heading);

  if (report.dimensions.length > 0) {
    heading(2, t('report.dimensions'));
    out.push(
      ...table(
        [t('report.col.dimension'), t('report.col.status'), t('report.col.summary')],
        report.dimensions.map((d) => [md(d.label), t(`rag.${d.rag}`), md(d.why)]),
      ),
    );
  }

  blank();
  out.push(...sinceLastMarkdown({ section: sections.sinceLast, lang: report.lang, audience: 'client', instant: dates.instant }, md));

  heading(2, t('report.milestones'));
  out.push(...milestoneLines(sections.milestones, t, dates, report.lang, (m) => describeClientProgress(m.progress, report.lang)));

  writeWork(sections, t, dates, { heading, blank, out });

  heading(2, t('report.risks'));
  heading(3, t('report.flagged'));
  out.push(...issueList(sections.flagged, t, dates));
  heading(3, t('report.blocked'));
  out.push(
    ...(sections.blocked.length === 0
      ? [t('report.empty')]
      : sections.blocked.map((b) =>
          issueLine(
            b.issue,
            t,
            dates,
            b.blockedBy.length === 0 && b.hiddenBlockers === 0 ? undefined : md(describeClientBlockers(b, report.lang)),
          ),
        )),
  );
  heading(3, t('report.registerRisks'));
  const registerRisks = sections.registerRisks ?? [];
  out.push(
    ...(registerRisks.length === 0
      ? [t('report.empty')]
      : registerRisks.map((r) => `- ${md(r.text)} — ${md(describeClientRegisterRisk(r, t))}`)),
  );

  heading(2, t('report.waitingOnYou'));
  out.push(
    ...(sections.waitingOnClient.length === 0
      ? [t('report.empty')]
      : sections.waitingOnClient.map((w) => issueLine(w, t, dates, md(describeWait(w.wait, t, dates, report.lang))))),
  );
  writeSupport(sections.support, report.lang, options.timeZone, heading, out);

  writeChanges(sections.changeRequests, 'client', report.lang, t, heading, out);
  out.push(...acceptanceMarkdown(sections.acceptance, report.lang, dates, md));
  writeMinutes(sections, t, dates, heading, out);
  return `${out.join('\n')}\n`;
}

/** Client-reported issues against the support targets (issue 13): the counts per target, then the overdue ones. */
function writeSupport(
  section: SupportSectionJson | undefined,
  lang: Language,
  timeZone: string | undefined,
  heading: (level: number, text: string) => void,
  out: string[],
  keyLink?: KeyLink,
): void {
  if (section === undefined) return;
  const s = translator(lang, SUPPORT_MESSAGES);
  const colon = reportWords(lang)('report.colon');
  heading(2, s('support.heading'));
  out.push(md(describeSupportTotal(section, lang)), '');
  out.push(...supportTargetLines(section, lang).map((line) => `- ${md(line.label)}${colon}${md(line.text)}`));
  heading(3, s('support.overdueHeading'));
  if (section.overdue.length === 0) {
    out.push(s('support.noneOverdue'));
    return;
  }
  out.push(
    ...section.overdue.map(
      (issue) => `- **${keyText(issue.key, keyLink)}** ${md(issue.summary)} — ${md(describeSupportOverdue(issue, lang, timeZone))}`,
    ),
  );
  if (section.overdueTotal > section.overdue.length)
    out.push(md(s('support.more', { count: section.overdueTotal - section.overdue.length })));
}

/** Change requests of the period with their impact and totals; absent in reports stored before issue 10. */
function writeChanges(
  section: ClientChangeSectionJson | ChangeSectionJson | undefined,
  audience: 'internal' | 'client',
  lang: Language,
  t: ReportWords,
  heading: (level: number, text: string) => void,
  out: string[],
): void {
  if (section === undefined) return;
  heading(2, t('report.changeRequests'));
  if (section.items.length === 0) {
    out.push(t('report.empty'));
    return;
  }
  out.push(md(describeChangeTotals(section.totals, lang)), '');
  for (const item of section.items) {
    const description = item.description === '' ? '' : `: ${md(item.description)}`;
    out.push(
      `- **${md(item.title)}**${description} — ${md(describeChangeState(item, lang, audience))} · ${md(describeRequestImpact(item.impact, lang))} · ${md(describeChangeDetails(item, lang))}`,
    );
  }
}

/** Decisions and action items (the touchpoint log): the same for both audiences, from what each report holds. */
function writeMinutes(
  sections: Pick<ClientStatusReportJson['sections'], 'decisions'> & {
    actionItems?: readonly Parameters<typeof describeActionItem>[0][] | undefined;
    /** A stored internal report's counts before it kept the first ones. */
    totals?: { decisions?: number | undefined; actionItems?: number | undefined } | undefined;
  },
  t: ReportWords,
  dates: ReportDates,
  heading: (level: number, text: string) => void,
  out: string[],
): void {
  const decisions = sections.decisions ?? [];
  const actionItems = sections.actionItems ?? [];
  heading(2, t('report.decisions'));
  out.push(
    ...(decisions.length === 0
      ? [t('report.empty')]
      : decisions.map((d) => `- ${md(d.text)} — ${md(describeDecisionSource(d, t, dates))}`)),
    ...moreLine(sections.totals?.decisions, decisions.length, t),
  );
  heading(2, t('report.actionItems'));
  out.push(
    ...(actionItems.length === 0
      ? [t('report.empty')]
      : actionItems.map((a) => {
          const text = a.overdue ? `**${md(a.text)}**` : md(a.text);
          return `- ${text} — ${md(describeActionItem(a, t, dates))}`;
        })),
    ...moreLine(sections.totals?.actionItems, actionItems.length, t),
  );
}

/** "…and N more" after a list a stored report bounded; nothing when it is whole. */
function moreLine(total: number | undefined, shown: number, t: ReportWords): string[] {
  return total !== undefined && total > shown ? [`- ${t('report.moreItems', { count: total - shown })}`] : [];
}

/** The narrative: a paragraph per topic; the team's drafted sentences end with their issue keys. */
function writeNarrative(
  report: StatusReportJson | ClientStatusReportJson,
  out: string[],
  heading: (level: number, text: string) => void,
  keyLink?: KeyLink,
): void {
  const paragraphs = narrativeParagraphs(report);
  if (paragraphs.length === 0) return;
  heading(2, translator(report.lang, NARRATIVE_MESSAGES)('narrative.heading'));
  const joiner = sentenceJoiner(report);
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) out.push('');
    out.push(
      paragraph
        .map(
          (piece) =>
            mdLines(piece.text) + (piece.issueKeys.length === 0 ? '' : ` (${piece.issueKeys.map((k) => keyText(k, keyLink)).join(', ')})`),
        )
        .join(joiner),
    );
  }
}
