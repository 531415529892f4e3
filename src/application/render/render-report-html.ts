/**
 * The status report as one self-contained HTML page: inline CSS, no scripts, no external
 * requests (a CSP forbids them), printable. Pure, so the app's client status page and the CLI
 * share it. Every value goes through the `html` template, which escapes it.
 */
import { NARRATIVE_MESSAGES } from '../../../contract/i18n/narrative-messages';
import { translator } from '../../../contract/i18n/strings';
import { narrativeParagraphs, sentenceJoiner } from './narrative-blocks';
import type { ChangeSectionJson, ClientChangeSectionJson } from '../../../contract/change-report';
import {
  describeChangeDetails,
  describeChangeState,
  describeChangeTotals,
  describeRequestImpact,
} from '../../../contract/i18n/change-sentences';
import type { Language } from '../../../contract/language';
import type {
  ClientIssueRefJson,
  ClientWaitingIssueRefJson,
  ClientMilestoneJson,
  ClientStatusReportJson,
} from '../../../contract/client-report';
import type { RagJson, ReportRegisterRiskJson, StatusReportJson } from '../../../contract/report';
import {
  RENDERED_ISSUE_RISKS,
  describeActionItem,
  describeClientBlockers,
  describeClientRegisterRisk,
  describeDecisionSource,
  describeClientProgress,
  describeEvidence,
  describeForecasts,
  describeIssueRef,
  describeProgress,
  describeRegisterRisk,
  describeSlip,
  describeTarget,
  describeWait,
  type ActionItemLike,
  type ClientRegisterRiskLike,
  type DecisionLike,
  dimensionEntries,
  parenthetical,
  reportDates,
  reportWords,
  showsDataQuality,
  type RenderOptions,
  type ReportDates,
  type ReportWords,
} from './report-text';
import { html, type SafeHtml } from './safe-html';
import { sinceLastHtml } from './render-since-last';
import { acceptanceHtml } from './render-acceptance';
import { PRINT_STYLE } from './report-print-style';
import { formatterFor } from '../../../contract/i18n/format';
import { SUPPORT_MESSAGES } from '../../../contract/i18n/support-messages';
import { describeSupportOverdue, describeSupportTotal, supportTargetLines } from '../../../contract/i18n/support-sentences';
import type { SupportSectionJson } from '../../../contract/support-report';

// A literal template with no interpolation: trusted markup by construction.
const STYLE = html`<style>
  :root {
    color-scheme: light;
    --text: #172b4d;
    --muted: #505f79;
    --line: #dfe1e6;
    --green: #216e4e;
    --green-bg: #dcfff1;
    --amber: #7f5f01;
    --amber-bg: #fff7d6;
    --red: #ae2e24;
    --red-bg: #ffeceb;
    --grey: #44546f;
    --grey-bg: #f1f2f4;
  }
  * {
    box-sizing: border-box;
  }
  body {
    margin: 0 auto;
    max-width: 60rem;
    padding: 2rem 1.5rem;
    font:
      15px/1.5 -apple-system,
      BlinkMacSystemFont,
      'Segoe UI',
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      Roboto,
      Arial,
      sans-serif;
    color: var(--text);
  }
  h1 {
    font-size: 1.6rem;
    margin: 0 0 0.25rem;
  }
  h2 {
    font-size: 1.2rem;
    margin: 2rem 0 0.5rem;
    padding-bottom: 0.25rem;
    border-bottom: 1px solid var(--line);
  }
  h3 {
    font-size: 1rem;
    margin: 1.25rem 0 0.25rem;
  }
  .meta,
  .muted {
    color: var(--muted);
  }
  .meta {
    margin: 0;
    font-size: 0.9rem;
  }
  .headline {
    font-size: 1.05rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.5rem 0;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--line);
  }
  th {
    color: var(--muted);
    font-weight: 600;
  }
  ul {
    padding-left: 1.25rem;
    margin: 0.25rem 0;
  }
  li {
    margin: 0.15rem 0;
  }
  .key {
    font-weight: 600;
    white-space: nowrap;
  }
  .rag {
    display: inline-block;
    padding: 0 0.45rem;
    border-radius: 3px;
    font-size: 0.75rem;
    font-weight: 700;
    white-space: nowrap;
  }
  .rag-green {
    color: var(--green);
    background: var(--green-bg);
  }
  .rag-amber {
    color: var(--amber);
    background: var(--amber-bg);
  }
  .rag-red {
    color: var(--red);
    background: var(--red-bg);
  }
  .rag-grey {
    color: var(--grey);
    background: var(--grey-bg);
  }
  .overall {
    display: flex;
    gap: 1rem;
    align-items: baseline;
    flex-wrap: wrap;
  }
  .override {
    border-left: 3px solid var(--line);
    margin: 0.5rem 0;
    padding: 0.25rem 0.75rem;
    color: var(--muted);
  }
  .measures {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* A phone: each table row becomes a block, each cell labelled by its column, so nothing is cut off. */
  @media screen and (max-width: 40rem) {
    body {
      padding: 1.25rem 1rem;
    }
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    table.stack,
    table.stack tbody,
    table.stack tr,
    table.stack th,
    table.stack td {
      display: block;
    }
    table.stack tr {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--line);
    }
    table.stack th,
    table.stack td {
      padding: 0.15rem 0;
      border: none;
    }
    table.stack th[scope='row'] {
      color: var(--text);
    }
    table.stack td[data-label]::before {
      content: attr(data-label);
      display: block;
      color: var(--muted);
      font-size: 0.8rem;
      font-weight: 600;
    }
    .key {
      white-space: normal;
    }
    li {
      overflow-wrap: anywhere;
    }
  }
  @media print {
    body {
      max-width: none;
      padding: 0;
      font-size: 11pt;
    }
    h2 {
      break-after: avoid;
    }
    tr,
    li {
      break-inside: avoid;
    }
    .rag {
      border: 1px solid currentColor;
      -webkit-print-color-adjust: exact;
      print-color-adjust: exact;
    }
  }
</style>`;

/** The colour is never the only cue: the badge always carries the word. */
function badge(rag: RagJson, t: ReportWords): SafeHtml {
  return html`<span class="rag rag-${rag}">${t(`rag.${rag}`)}</span>`;
}

type KeyLink = (key: string) => string;

/** An issue key, linked to the issue in Jira when the rendering is the team's (`keyLink`). */
function keyHtml(key: string, keyLink: KeyLink | undefined): SafeHtml {
  return keyLink ? html`<a class="key" href="${keyLink(key)}">${key}</a>` : html`<span class="key">${key}</span>`;
}

function issueItem(issue: ClientIssueRefJson, t: ReportWords, dates: ReportDates, extra?: SafeHtml | string, keyLink?: KeyLink): SafeHtml {
  return html`<li>
    ${keyHtml(issue.key, keyLink)} ${issue.summary}<span class="muted">${parenthetical(describeIssueRef(issue, t, dates), t)}</span
    >${extra === undefined ? null : html` — ${extra}`}
  </li>`;
}

/** Change requests of the period with their impact and totals; nothing for reports stored before issue 10. */
function changesSection(
  section: ClientChangeSectionJson | ChangeSectionJson | undefined,
  audience: 'internal' | 'client',
  lang: Language,
  t: ReportWords,
): SafeHtml | null {
  if (section === undefined) return null;
  return html`<section aria-labelledby="change-requests">
    <h2 id="change-requests">${t('report.changeRequests')}</h2>
    ${
      section.items.length === 0
        ? html`<p class="muted">${t('report.empty')}</p>`
        : html`<p>${describeChangeTotals(section.totals, lang)}</p>
            <ul>
              ${section.items.map(
                (item) =>
                  html`<li>
                    <strong>${item.title}</strong>${item.description === '' ? null : html`: ${item.description}`} —
                    ${describeChangeState(item, lang, audience)} · ${describeRequestImpact(item.impact, lang)}
                    <span class="muted">· ${describeChangeDetails(item, lang)}</span>
                  </li>`,
              )}
            </ul>`
    }
  </section>`;
}

/** Change requests, then the client's acceptance decisions of the period (issue 13; nothing when none). */
function changesAndAcceptance(
  sections: Pick<ClientStatusReportJson['sections'], 'acceptance'> & {
    changeRequests?: ClientChangeSectionJson | ChangeSectionJson | undefined;
  },
  audience: 'internal' | 'client',
  lang: Language,
  t: ReportWords,
  dates: ReportDates,
): SafeHtml {
  return html`${changesSection(sections.changeRequests, audience, lang, t)}${acceptanceHtml(sections.acceptance, lang, dates)}`;
}

/** The register's open risks for the team: title (bold when the mitigation is overdue), rating, owner, mitigation. */
function registerRisksList(risks: readonly ReportRegisterRiskJson[] | undefined, t: ReportWords, dates: ReportDates): SafeHtml {
  const list = risks ?? [];
  return html`<h3>${t('report.registerRisks')}</h3>
    ${
      list.length === 0
        ? html`<p class="muted">${t('report.empty')}</p>`
        : html`<ul>
            ${list.map(
              (r) =>
                html`<li>
                  ${r.overdue ? html`<strong>${r.title}</strong>` : r.title}
                  <span class="muted">— ${describeRegisterRisk(r, t, dates)}</span>
                </li>`,
            )}
          </ul>`
    }`;
}

/** The client-visible open risks, in their client wording. */
function clientRegisterRisksList(risks: readonly ClientRegisterRiskLike[] | undefined, t: ReportWords): SafeHtml {
  const list = risks ?? [];
  return html`<h3>${t('report.registerRisks')}</h3>
    ${
      list.length === 0
        ? html`<p class="muted">${t('report.empty')}</p>`
        : html`<ul>
            ${list.map((r) => html`<li>${r.text} <span class="muted">— ${describeClientRegisterRisk(r, t)}</span></li>`)}
          </ul>`
    }`;
}

/** "…and N more" after a list a stored report bounded; nothing when it is whole. */
function moreItem(total: number | undefined, shown: number, t: ReportWords): SafeHtml | string {
  return total !== undefined && total > shown
    ? html`<li class="muted" data-more="${String(total - shown)}">${t('report.moreItems', { count: total - shown })}</li>`
    : '';
}

/** Decisions and action items (the touchpoint log): the same for both audiences, from what each report holds. */
function minutesSections(
  sections: {
    decisions?: readonly DecisionLike[] | undefined;
    actionItems?: readonly ActionItemLike[] | undefined;
    /** A stored internal report's counts before it kept the first ones. */
    totals?: { decisions?: number | undefined; actionItems?: number | undefined } | undefined;
  },
  t: ReportWords,
  dates: ReportDates,
): SafeHtml {
  const decisions = sections.decisions ?? [];
  const actionItems = sections.actionItems ?? [];
  return html`<section aria-labelledby="decisions">
      <h2 id="decisions">${t('report.decisions')}</h2>
      ${
        decisions.length === 0
          ? html`<p class="muted">${t('report.empty')}</p>`
          : html`<ul>
              ${decisions.map((d) => html`<li>${d.text} <span class="muted">— ${describeDecisionSource(d, t, dates)}</span></li>`)}
              ${moreItem(sections.totals?.decisions, decisions.length, t)}
            </ul>`
      }
    </section>
    <section aria-labelledby="action-items">
      <h2 id="action-items">${t('report.actionItems')}</h2>
      ${
        actionItems.length === 0
          ? html`<p class="muted">${t('report.empty')}</p>`
          : html`<ul>
              ${actionItems.map(
                (a) =>
                  html`<li>
                    ${a.overdue ? html`<strong>${a.text}</strong>` : a.text} <span class="muted">— ${describeActionItem(a, t, dates)}</span>
                  </li>`,
              )}
              ${moreItem(sections.totals?.actionItems, actionItems.length, t)}
            </ul>`
      }
    </section>`;
}

/** Completed (by epic), in progress and next up: the same for both audiences. */
/** What waits on the client, longest first, each with its wait; the title is the audience's. */
function waitingSection(
  title: string,
  waiting: readonly ClientWaitingIssueRefJson[],
  t: ReportWords,
  dates: ReportDates,
  lang: Language,
  keyLink?: KeyLink,
): SafeHtml {
  return html`<section aria-labelledby="waiting-on-client">
    <h2 id="waiting-on-client">${title}</h2>
    ${
      waiting.length === 0
        ? html`<p class="muted">${t('report.empty')}</p>`
        : html`<ul>
            ${waiting.map((w) => issueItem(w, t, dates, describeWait(w.wait, t, dates, lang), keyLink))}
          </ul>`
    }
  </section>`;
}

/** Client-reported issues against the support targets (issue 13): a table of counts per target, then the overdue ones. */
function supportSection(
  section: SupportSectionJson | undefined,
  lang: Language,
  timeZone: string | undefined,
  keyLink?: KeyLink,
): SafeHtml | null {
  if (section === undefined) return null;
  const s = translator(lang, SUPPORT_MESSAGES);
  const f = formatterFor(lang);
  return html`<section aria-labelledby="support">
    <h2 id="support">${s('support.heading')}</h2>
    <p>${describeSupportTotal(section, lang)}</p>
    <table>
      <thead>
        <tr>
          <th scope="col">${s('support.col.target')}</th>
          <th scope="col">${s('support.col.met')}</th>
          <th scope="col">${s('support.col.breached')}</th>
          <th scope="col">${s('support.col.running')}</th>
          <th scope="col">${s('support.col.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        ${supportTargetLines(section, lang).map(
          (line) =>
            html`<tr>
              <th scope="row">${line.label}</th>
              <td>${f.num(line.counts.met)}</td>
              <td>${f.num(line.counts.breached)}</td>
              <td>${f.num(line.counts.running)}</td>
              <td>${f.num(line.counts.overdue)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>${s('support.overdueHeading')}</h3>
    ${
      section.overdue.length === 0
        ? html`<p class="muted">${s('support.noneOverdue')}</p>`
        : html`<ul>
            ${section.overdue.map(
              (issue) =>
                html`<li>
                  ${keyHtml(issue.key, keyLink)} ${issue.summary}
                  <span class="muted">— ${describeSupportOverdue(issue, lang, timeZone)}</span>
                </li>`,
            )}
            ${
              section.overdueTotal > section.overdue.length
                ? html`<li class="muted">${s('support.more', { count: section.overdueTotal - section.overdue.length })}</li>`
                : null
            }
          </ul>`
    }
  </section>`;
}

/** The page's head: no script, no remote resource (its CSP allows none), no referrer. */
function documentHead(title: string): SafeHtml {
  return html`<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
    <meta name="referrer" content="no-referrer" />
    <title>${title}</title>
    ${STYLE} ${PRINT_STYLE}
  </head>`;
}

function workSections(
  sections: { completed: readonly { epic: { key: string; summary: string } | null; issues: readonly ClientIssueRefJson[] }[] } & Record<
    'inProgress' | 'nextUp',
    readonly ClientIssueRefJson[]
  >,
  t: ReportWords,
  dates: ReportDates,
  keyLink?: KeyLink,
): SafeHtml {
  return html`<section aria-labelledby="completed">
      <h2 id="completed">${t('report.completed')}</h2>
      ${
        sections.completed.length === 0
          ? html`<p class="muted">${t('report.empty')}</p>`
          : sections.completed.map(
              (group) =>
                html`<h3>${group.epic ? html`${keyHtml(group.epic.key, keyLink)} ${group.epic.summary}` : t('report.noEpic')}</h3>
                  ${issueList(group.issues, t, dates, keyLink)}`,
            )
      }
    </section>
    <section aria-labelledby="in-progress">
      <h2 id="in-progress">${t('report.inProgress')}</h2>
      ${issueList(sections.inProgress, t, dates, keyLink)}
    </section>
    <section aria-labelledby="next-up">
      <h2 id="next-up">${t('report.nextUp')}</h2>
      ${issueList(sections.nextUp, t, dates, keyLink)}
    </section>`;
}

function issueList(issues: readonly ClientIssueRefJson[], t: ReportWords, dates: ReportDates, keyLink?: KeyLink): SafeHtml {
  return issues.length === 0
    ? html`<p class="muted">${t('report.empty')}</p>`
    : html`<ul>
        ${issues.map((i) => issueItem(i, t, dates, undefined, keyLink))}
      </ul>`;
}

function dimensionsTable(report: StatusReportJson, t: ReportWords): SafeHtml {
  const rows = dimensionEntries(report).map(
    ([key, d]) =>
      html`<tr data-dimension="${key}">
        <th scope="row">${d.label}</th>
        <td data-label="${t('report.col.status')}">
          ${badge(d.rag, t)}${d.enabled ? null : html` <span class="muted">${t('health.off')}</span>`}${
            d.sustained ? html` <span class="muted">${t('health.sustained')}</span>` : null
          }
        </td>
        <td data-label="${t('report.col.measure')}">
          ${
            d.measures.length === 0
              ? '—'
              : html`<ul class="measures">
                  ${d.measures.map((m) => html`<li>${m.label}${t('report.colon')}<strong>${m.display}</strong> ${badge(m.rag, t)}</li>`)}
                </ul>`
          }
        </td>
        <td data-label="${t('report.col.why')}">${d.why || '—'}</td>
        <td data-label="${t('report.col.evidence')}">${describeEvidence(d.evidence, t, d.evidenceCount)}</td>
      </tr>`,
  );
  return html`<table class="stack">
    <thead>
      <tr>
        <th scope="col">${t('report.col.dimension')}</th>
        <th scope="col">${t('report.col.status')}</th>
        <th scope="col">${t('report.col.measure')}</th>
        <th scope="col">${t('report.col.why')}</th>
        <th scope="col">${t('report.col.evidence')}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** `progress`: the internal report's counts, or the client's percentage. */
function milestonesTable<M extends Omit<ClientMilestoneJson, 'progress'>>(
  report: { lang: Language; sections: { milestones: readonly M[] } },
  t: ReportWords,
  dates: ReportDates,
  progress: (m: M) => string,
): SafeHtml {
  const milestones = report.sections.milestones;
  if (milestones.length === 0) return html`<p class="muted">${t('report.empty')}</p>`;
  return html`<table class="stack">
    <thead>
      <tr>
        <th scope="col">${t('report.col.milestone')}</th>
        <th scope="col">${t('report.col.status')}</th>
        <th scope="col">${t('report.col.target')}</th>
        <th scope="col">${t('report.col.forecast')}</th>
        <th scope="col">${t('report.col.slipDays')}</th>
        <th scope="col">${t('report.col.progress')}</th>
      </tr>
    </thead>
    <tbody>
      ${milestones.map(
        (m) =>
          html`<tr>
            <th scope="row">${m.name}${m.released ? html`<span class="muted">${parenthetical(t('report.released'), t)}</span>` : null}</th>
            <td data-label="${t('report.col.status')}">${badge(m.rag, t)}</td>
            <td data-label="${t('report.col.target')}">${describeTarget(m, t, dates)}</td>
            <td data-label="${t('report.col.forecast')}">
              ${m.forecastDate === null ? '—' : html`<time datetime="${m.forecastDate}">${dates.day(m.forecastDate)}</time>`}
            </td>
            <td data-label="${t('report.col.slipDays')}">${describeSlip(m.slipDays, report.lang)}</td>
            <td data-label="${t('report.col.progress')}">${progress(m)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** How each milestone was forecast (method and inputs), under the table; internal reports only. */
function forecastNotes(report: StatusReportJson, t: ReportWords): SafeHtml | null {
  const notes = describeForecasts(report);
  if (notes.length === 0) return null;
  return html`<ul class="muted forecast-notes">
    ${notes.map((n) => html`<li>${n.name}${t('report.colon')}${n.text}</li>`)}
  </ul>`;
}

function issueRisksSection(report: StatusReportJson, t: ReportWords, keyLink?: KeyLink): SafeHtml {
  const shown = report.issueRisks.slice(0, RENDERED_ISSUE_RISKS);
  if (shown.length === 0) return html`<p class="muted">${t('report.empty')}</p>`;
  const total = report.issueRisks.length;
  return html`${shown.length < total ? html`<p class="muted">${t('report.issueRisksShown', { shown: shown.length, total })}</p>` : null}
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">${t('report.col.key')}</th>
          <th scope="col">${t('risk.score')}</th>
          <th scope="col">${t('risk.level')}</th>
          <th scope="col">${t('risk.reasons')}</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (r) =>
            html`<tr>
              <th scope="row">${keyHtml(r.key, keyLink)}</th>
              <td data-label="${t('risk.score')}">${r.score}</td>
              <td data-label="${t('risk.level')}">${t(`risk.level.${r.level}`)}</td>
              <td data-label="${t('risk.reasons')}">
                ${
                  r.reasons.length === 0
                    ? '—'
                    : html`<ul class="measures">
                        ${r.reasons.map((reason) => html`<li>${reason}</li>`)}
                      </ul>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * `options.timeZone`: the zone instants are shown in (the project's); UTC, named, without one.
 * The client's report has its own page (`renderClientReportHtml`).
 */
export function renderReportHtml(report: StatusReportJson | ClientStatusReportJson, options: RenderOptions = {}): string {
  if (report.audience === 'client') return renderClientReportHtml(report, options);
  const t = reportWords(report.lang);
  const keyLink = options.issueUrl;
  const dates = reportDates(report.lang, options);
  const colon = t('report.colon');
  const { overall, sections } = report;
  const page = html`<!doctype html>
    <html lang="${report.lang}">
      ${documentHead(`${t('report.title')}${colon}${report.project.name}`)}
      <body>
        <header>
          <h1>${t('report.title')}${colon}${report.project.name}<span class="muted">${parenthetical(report.project.key, t)}</span></h1>
          <p class="meta">
            ${t('report.generatedAt')}${colon}<time datetime="${report.generatedAt}">${dates.instant(report.generatedAt)}</time> ·
            ${t('report.period', { range: dates.period(report.period) })} ·
            ${t('report.audience')}${colon}${t(`report.audienceName.${report.audience}`)}
          </p>
        </header>
        <main>
          <section aria-labelledby="overall">
            <h2 id="overall">${t('report.overall')}</h2>
            <p class="overall">
              <span>${t('report.reported')}${colon}${badge(overall.reported, t)}</span>${
                overall.computed === overall.reported
                  ? null
                  : html`<span class="muted">${t('report.computed')}${colon}${badge(overall.computed, t)}</span>`
              }
            </p>
            <p class="headline">${overall.headline}</p>
            ${overall.overrideReason ? html`<p class="override">${t('health.overrideReason', { reason: overall.overrideReason })}</p>` : null}
          </section>
          ${narrativeSection(report, keyLink)}
          <section aria-labelledby="dimensions">
            <h2 id="dimensions">${t('report.dimensions')}</h2>
            ${dimensionsTable(report, t)}
          </section>
          ${sinceLastHtml({ section: sections.sinceLast, lang: report.lang, audience: 'internal', instant: dates.instant, keyLink })}
          ${workSections(sections, t, dates, keyLink)}
          <section aria-labelledby="milestones">
            <h2 id="milestones">${t('report.milestones')}</h2>
            ${milestonesTable(report, t, dates, (m) => describeProgress(m.progress, t))} ${forecastNotes(report, t)}
          </section>
          <section aria-labelledby="risks">
            <h2 id="risks">${t('report.risks')}</h2>
            <h3>${t('report.flagged')}</h3>
            ${issueList(sections.risks.flagged, t, dates, keyLink)}
            <h3>${t('report.blocked')}</h3>
            ${
              sections.risks.blocked.length === 0
                ? html`<p class="muted">${t('report.empty')}</p>`
                : html`<ul>
                    ${sections.risks.blocked.map((b) => issueItem(b.issue, t, dates, html`${t('report.blockedBy')} ${b.blockedBy.map((k, i) => html`${i > 0 ? ', ' : ''}${keyHtml(k, keyLink)}`)}`, keyLink))}
                  </ul>`
            }
            <h3>${t('report.topRisks')}</h3>
            ${
              sections.risks.topRisks.length === 0
                ? html`<p class="muted">${t('report.empty')}</p>`
                : html`<ul>
                    ${sections.risks.topRisks.map((r) =>
                      issueItem(
                        r.issue,
                        t,
                        dates,
                        `${t(`risk.level.${r.level}`)}${parenthetical(`${t('risk.score')} ${r.score}`, t)}`,
                        keyLink,
                      ),
                    )}
                  </ul>`
            }
            ${registerRisksList(sections.registerRisks, t, dates)}
          </section>
          ${waitingSection(t('report.waitingOnClient'), sections.waitingOnClient, t, dates, report.lang, keyLink)}
          ${supportSection(sections.support, report.lang, options.timeZone, keyLink)}
          ${changesAndAcceptance(sections, 'internal', report.lang, t, dates)} ${minutesSections(sections, t, dates)}
          <section aria-labelledby="issue-risks">
            <h2 id="issue-risks">${t('report.issueRisks')}</h2>
            ${issueRisksSection(report, t, keyLink)}
          </section>
          ${
            showsDataQuality(report)
              ? html`<section aria-labelledby="data-quality">
                  <h2 id="data-quality">${t('report.dataQuality')}</h2>
                  ${
                    report.dataQuality.length === 0
                      ? html`<p class="muted">${t('report.empty')}</p>`
                      : html`<ul>
                          ${report.dataQuality.map((n) => html`<li>${n.issueKey ? html`${keyHtml(n.issueKey, keyLink)} ` : null}${n.message}</li>`)}
                        </ul>`
                  }
                </section>`
              : null
          }
        </main>
      </body>
    </html> `;
  return page.value;
}

/**
 * The client's report as a page: the reported status and its headline, the dimensions the
 * client sees, the work (keys as plain text: clients cannot open Jira), milestones, flagged and
 * blocked work, and what waits on the client. Nothing internal is in its input.
 */
function renderClientReportHtml(report: ClientStatusReportJson, options: RenderOptions): string {
  const t = reportWords(report.lang);
  const dates = reportDates(report.lang, options);
  const colon = t('report.colon');
  const { overall, sections } = report;
  const page = html`<!doctype html>
    <html lang="${report.lang}">
      ${documentHead(`${t('report.title')}${colon}${report.project.name}`)}
      <body>
        <header>
          <h1>${t('report.title')}${colon}${report.project.name}</h1>
          <p class="meta">
            ${t('report.generatedAt')}${colon}<time datetime="${report.generatedAt}">${dates.instant(report.generatedAt)}</time> ·
            ${t('report.period', { range: dates.period(report.period) })}
          </p>
        </header>
        <main>
          <section aria-labelledby="overall">
            <h2 id="overall">${t('report.overall')}</h2>
            <p class="overall"><span>${t('report.status')}${colon}${badge(overall.reported, t)}</span></p>
            <p class="headline">${overall.headline}</p>
          </section>
          ${narrativeSection(report)}
          ${
            report.dimensions.length === 0
              ? null
              : html`<section aria-labelledby="dimensions">
                  <h2 id="dimensions">${t('report.dimensions')}</h2>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">${t('report.col.dimension')}</th>
                        <th scope="col">${t('report.col.status')}</th>
                        <th scope="col">${t('report.col.summary')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${report.dimensions.map(
                        (d) =>
                          html`<tr data-dimension="${d.id}">
                            <th scope="row">${d.label}</th>
                            <td>${badge(d.rag, t)}</td>
                            <td>${d.why}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </section>`
          }
          ${sinceLastHtml({ section: sections.sinceLast, lang: report.lang, audience: 'client', instant: dates.instant })}
          <section aria-labelledby="milestones">
            <h2 id="milestones">${t('report.milestones')}</h2>
            ${milestonesTable(report, t, dates, (m) => describeClientProgress(m.progress, report.lang))}
          </section>
          ${workSections(sections, t, dates)}
          <section aria-labelledby="risks">
            <h2 id="risks">${t('report.risks')}</h2>
            <h3>${t('report.flagged')}</h3>
            ${issueList(sections.flagged, t, dates)}
            <h3>${t('report.blocked')}</h3>
            ${
              sections.blocked.length === 0
                ? html`<p class="muted">${t('report.empty')}</p>`
                : html`<ul>
                    ${sections.blocked.map((b) =>
                      issueItem(
                        b.issue,
                        t,
                        dates,
                        b.blockedBy.length === 0 && b.hiddenBlockers === 0 ? undefined : describeClientBlockers(b, report.lang),
                      ),
                    )}
                  </ul>`
            }
            ${clientRegisterRisksList(sections.registerRisks, t)}
          </section>
          ${waitingSection(t('report.waitingOnYou'), sections.waitingOnClient, t, dates, report.lang)}
          ${supportSection(sections.support, report.lang, options.timeZone)}
          ${changesAndAcceptance(sections, 'client', report.lang, t, dates)} ${minutesSections(sections, t, dates)}
        </main>
      </body>
    </html> `;
  return page.value;
}

/** The narrative: a paragraph per topic; the team's drafted sentences end with their issue keys. */
function narrativeSection(report: StatusReportJson | ClientStatusReportJson, keyLink?: KeyLink): SafeHtml | null {
  const paragraphs = narrativeParagraphs(report);
  if (paragraphs.length === 0) return null;
  const joiner = sentenceJoiner(report);
  return html`<section aria-labelledby="narrative" data-narrative="${report.narrative?.source ?? ''}">
    <h2 id="narrative">${translator(report.lang, NARRATIVE_MESSAGES)('narrative.heading')}</h2>
    ${paragraphs.map(
      (paragraph) =>
        html`<p>
          ${paragraph.map(
            (piece, index) =>
              html`${index > 0 ? joiner : ''}${piece.text.split('\n').map((line, i) => (i > 0 ? html`<br />${line}` : line))}${
                piece.issueKeys.length === 0
                  ? null
                  : html` <span class="muted">(${piece.issueKeys.map((k, i) => html`${i > 0 ? ', ' : ''}${keyHtml(k, keyLink)}`)})</span>`
              }`,
          )}
        </p>`,
    )}
  </section>`;
}
