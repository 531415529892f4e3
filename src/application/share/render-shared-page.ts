/**
 * The client status page as HTML (DESIGN.md §6): server-rendered, self-contained (inline CSS, no
 * script, no font, no image, no request of any kind: the icon is an empty data: URL), escaped by
 * construction (every value goes through `html`), readable at 375 px, printable, light and dark.
 * Pure: the page is a function of its content and its language; the same content as JSON is
 * the page's `?format=json` variant.
 */
import type { ClientChangeRequestJson } from '../../../contract/change-report';
import { changeWords, describeChangeState, describeRequestImpact } from '../../../contract/i18n/change-sentences';
import { SHARE_PAGE_MESSAGES } from '../../../contract/i18n/share-page-messages';
import { translator } from '../../../contract/i18n/strings';
import { LANGUAGES, type Language } from '../../../contract/language';
import type { ClientIssueRefJson } from '../../../contract/client-report';
import {
  describeActionItem,
  describeClientBlockers,
  describeClientProgress,
  describeClientRegisterRisk,
  describeIssueRef,
  describeSlip,
  describeTarget,
  describeWait,
  reportDates,
  reportWords,
  type ReportDates,
  type ReportWords,
} from '../render/report-text';
import { compactStyle, html, type SafeHtml } from '../render/safe-html';
import type { SharedChangeRequest, SharedPageContent } from './shared-page-content';
import { renderAcceptanceSection } from './shared-acceptance';
import { renderCommitmentsSection } from './shared-commitments';

export const shareWords = (lang: Language) => translator(lang, SHARE_PAGE_MESSAGES);
type ShareWords = ReturnType<typeof shareWords>;

/** Each language named in itself, for the switch. */
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' };

// A literal template with no interpolation: trusted markup by construction.
const STYLE = compactStyle(
  html`<style>
    :root {
      color-scheme: light dark;
      --bg: #fff;
      --fg: #172b4d;
      --muted: #505f79;
      --line: #dfe1e6;
      --card: #f7f8f9;
      --accent: #0c66e4;
      --g: #216e4e;
      --gb: #dcfff1;
      --a: #7f5f01;
      --ab: #fff7d6;
      --r: #ae2e24;
      --rb: #ffeceb;
      --n: #44546f;
      --nb: #f1f2f4;
      --wait: #fff7d6;
      --waitline: #e2b203;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #1d2125;
        --fg: #dee4ea;
        --muted: #9fadbc;
        --line: #38414a;
        --card: #22272b;
        --accent: #579dff;
        --g: #7ee2b8;
        --gb: #164b35;
        --a: #f8e6a0;
        --ab: #533f04;
        --r: #ffd5d2;
        --rb: #5d1f1a;
        --n: #c7d1db;
        --nb: #2c333a;
        --wait: #3d2e00;
        --waitline: #cf9f02;
      }
    }
    * {
      box-sizing: border-box;
    }
    body {
      margin: 0;
      background: var(--bg);
      color: var(--fg);
      font:
        16px/1.5 -apple-system,
        BlinkMacSystemFont,
        'Segoe UI',
        'PingFang SC',
        'Microsoft YaHei',
        'Noto Sans CJK SC',
        Roboto,
        sans-serif;
      overflow-wrap: anywhere;
    }
    .wrap {
      max-width: 52rem;
      margin: 0 auto;
      padding: 1rem;
    }
    header {
      border-bottom: 1px solid var(--line);
      padding-bottom: 0.75rem;
    }
    h1 {
      font-size: 1.5rem;
      margin: 0.25rem 0;
    }
    h2 {
      font-size: 1.2rem;
      margin: 1.5rem 0 0.5rem;
    }
    h3 {
      font-size: 1rem;
      margin: 1rem 0 0.25rem;
    }
    .meta,
    .muted {
      color: var(--muted);
      font-size: 0.9rem;
    }
    .meta {
      margin: 0.25rem 0;
    }
    nav.lang {
      float: right;
      font-size: 0.9rem;
    }
    nav.lang a {
      color: var(--accent);
      margin-left: 0.5rem;
    }
    nav.lang a[aria-current] {
      color: var(--fg);
      font-weight: 600;
      text-decoration: none;
    }
    .card {
      background: var(--card);
      border: 1px solid var(--line);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      margin: 0.5rem 0;
    }
    .badge {
      display: inline-block;
      border-radius: 4px;
      padding: 0 0.5rem;
      font-weight: 600;
      font-size: 0.85rem;
      white-space: nowrap;
    }
    .green {
      color: var(--g);
      background: var(--gb);
    }
    .amber {
      color: var(--a);
      background: var(--ab);
    }
    .red {
      color: var(--r);
      background: var(--rb);
    }
    .grey {
      color: var(--n);
      background: var(--nb);
    }
    .narrative {
      white-space: pre-line;
    }
    .overall {
      font-size: 1.15rem;
    }
    .overall .badge {
      font-size: 1rem;
    }
    ul {
      padding-left: 1.25rem;
      margin: 0.25rem 0;
    }
    li {
      margin: 0.25rem 0;
    }
    .key {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      font-size: 0.85rem;
      color: var(--muted);
    }
    .bar {
      height: 0.5rem;
      background: var(--nb);
      border-radius: 4px;
      overflow: hidden;
      margin: 0.25rem 0;
    }
    .bar span {
      display: block;
      height: 100%;
      background: var(--accent);
    }
    .ms dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.75rem;
      margin: 0.25rem 0;
    }
    .ms dt {
      color: var(--muted);
    }
    .ms dd {
      margin: 0;
    }
    .waiting {
      background: var(--wait);
      border-left: 4px solid var(--waitline);
      border-radius: 4px;
      padding: 0.5rem 1rem;
    }
    h4 {
      font-size: 0.95rem;
      margin: 0.75rem 0 0.25rem;
    }
    .notes p {
      margin: 0.15rem 0;
      white-space: pre-wrap;
    }
    .waiting strong {
      white-space: nowrap;
    }
    form {
      margin: 0.5rem 0;
    }
    label {
      display: block;
      font-weight: 600;
      margin: 0.5rem 0 0.15rem;
    }
    input[type='text'],
    textarea,
    select {
      width: 100%;
      max-width: 100%;
      font: inherit;
      padding: 0.4rem;
      border: 1px solid var(--line);
      border-radius: 4px;
      background: var(--bg);
      color: var(--fg);
    }
    textarea {
      min-height: 5rem;
    }
    fieldset {
      border: 1px solid var(--line);
      border-radius: 6px;
      margin: 0.5rem 0;
      padding: 0.25rem 0.75rem 0.5rem;
      min-width: 0;
    }
    legend {
      font-weight: 600;
    }
    .scale {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
    }
    .scale label {
      display: inline;
      font-weight: 400;
      margin: 0;
    }
    button {
      font: inherit;
      padding: 0.45rem 1rem;
      margin: 0.5rem 0.5rem 0 0;
      border-radius: 4px;
      border: 1px solid var(--accent);
      /* The light scheme's blue in both schemes: white text on it keeps its contrast. */
      background: #0c66e4;
      color: #fff;
      cursor: pointer;
    }
    button.secondary {
      background: transparent;
      color: var(--accent);
    }
    footer {
      border-top: 1px solid var(--line);
      margin-top: 2rem;
      padding-top: 0.5rem;
    }
    @media print {
      nav.lang,
      form,
      .noprint {
        display: none;
      }
      body {
        background: #fff;
        color: #000;
      }
      .card,
      .waiting {
        break-inside: avoid;
      }
      a {
        color: inherit;
      }
    }
  </style>`,
);

function documentHead(title: string): SafeHtml {
  return html`<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <meta name="robots" content="noindex,nofollow" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
    ${STYLE}
  </head>`;
}

/** A whole document with the page's chrome around `body`. */
export function renderSharedDocument(lang: Language, title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${lang}">
      ${documentHead(title)}
      <body>
        <div class="wrap">${body}</div>
      </body>
    </html>`.value;
}

function badge(rag: 'green' | 'amber' | 'red' | 'grey', t: ReportWords): SafeHtml {
  return html`<span class="badge ${rag}">${t(`rag.${rag}`)}</span>`;
}

function issueItem(issue: ClientIssueRefJson, t: ReportWords, dates: ReportDates, extra?: SafeHtml | string): SafeHtml {
  return html`<li>
    <span class="key">${issue.key}</span> ${issue.summary} <span class="muted">· ${describeIssueRef(issue, t, dates)}</span>${
      extra === undefined ? null : html` <span class="muted">· ${extra}</span>`
    }
  </li>`;
}

function issueList(issues: readonly ClientIssueRefJson[], t: ReportWords, dates: ReportDates, empty: string): SafeHtml {
  return issues.length === 0
    ? html`<p class="muted">${empty}</p>`
    : html`<ul>
        ${issues.map((i) => issueItem(i, t, dates))}
      </ul>`;
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    ${body}
  </section>`;
}

function languageSwitch(lang: Language, s: ShareWords): SafeHtml {
  return html`<nav class="lang" aria-label="${s('share.language')}">${languageSwitchLinks(lang)}</nav>`;
}

interface Words {
  t: ReportWords;
  s: ShareWords;
  c: ReturnType<typeof changeWords>;
  dates: ReportDates;
  lang: Language;
}

function healthSection(health: NonNullable<SharedPageContent['health']>, w: Words): SafeHtml {
  const { t, s } = w;
  return section(
    'health',
    s('share.glance'),
    html`<div class="card">
        <p class="overall">${s('share.overall')}${t('report.colon')}${badge(health.status, t)}</p>
        <p>${health.headline}</p>
        ${health.narrative === null ? null : health.narrative.map((paragraph) => html`<p class="narrative">${paragraph}</p>`)}
      </div>
      ${
        health.dimensions.length === 0
          ? null
          : html`<ul>
              ${health.dimensions.map(
                (d) =>
                  html`<li data-dimension="${d.id}">
                    ${d.label}${t('report.colon')}${badge(d.rag, t)} <span class="muted">${d.why}</span>
                  </li>`,
              )}
            </ul>`
      }`,
  );
}

function milestonesSection(milestones: NonNullable<SharedPageContent['milestones']>, w: Words): SafeHtml {
  const { t, dates, lang } = w;
  return section(
    'milestones',
    t('report.milestones'),
    milestones.length === 0
      ? html`<p class="muted">${t('report.empty')}</p>`
      : html`${milestones.map((m) => {
          const pct = m.progress.percentDone === null ? 0 : Math.max(0, Math.min(100, Math.round(m.progress.percentDone)));
          return html`<div class="card ms">
            <h3>${m.name} ${badge(m.rag, t)}</h3>
            <div class="bar" role="presentation"><span style="width:${pct}%"></span></div>
            <dl>
              <dt>${t('report.col.progress')}</dt>
              <dd>${describeClientProgress(m.progress, lang)}</dd>
              <dt>${t('report.col.target')}</dt>
              <dd>${describeTarget(m, t, dates)}</dd>
              <dt>${t('report.col.forecast')}</dt>
              <dd>
                ${
                  m.forecastDate === null ? '—' : dates.day(m.forecastDate)
                }${m.slipDays === null ? null : html` <span class="muted">(${describeSlip(m.slipDays, lang)})</span>`}
              </dd>
            </dl>
          </div>`;
        })}`,
  );
}

function waitingSection(waiting: NonNullable<SharedPageContent['waitingOnClient']>, w: Words): SafeHtml {
  const { t, s, dates, lang } = w;
  const none = waiting.issues.length === 0 && waiting.actionItems.length === 0;
  return section(
    'waiting',
    s('share.waitingTitle'),
    none
      ? html`<p class="muted">${s('share.waitingNone')}</p>`
      : html`<div class="waiting">
          <p>${s('share.waitingIntro')}</p>
          ${
            waiting.issues.length === 0
              ? null
              : html`<ul>
                  ${waiting.issues.map((i) => issueItem(i, t, dates, html`<strong>${describeWait(i.wait, t, dates, lang)}</strong>`))}
                </ul>`
          }${
            waiting.actionItems.length === 0
              ? null
              : html`<h3>${s('share.yourActions')}</h3>
                  <ul>
                    ${waiting.actionItems.map(
                      (a) => html`<li>${a.text} <span class="muted">· ${describeActionItem(a, t, dates)}</span></li>`,
                    )}
                  </ul>`
          }
        </div>`,
  );
}

function changeDetails(item: Pick<SharedChangeRequest, 'requester' | 'impact' | 'milestone' | 'description'>, w: Words): SafeHtml {
  const { c, s, t, dates, lang } = w;
  const m = item.milestone;
  return html`${item.description === '' ? null : html`<p>${item.description}</p>`}
    <p class="muted">
      ${c('changes.requestedBy', { name: item.requester })} ·
      ${s('share.changeImpact')}${t('report.colon')}${describeRequestImpact(item.impact, lang)}${
        m === null || m.newTarget === null
          ? null
          : html` ·
            ${c('changes.milestoneMove', { milestone: m.name, from: m.originalTarget === null ? '—' : dates.day(m.originalTarget), to: dates.day(m.newTarget) })}`
      }
    </p>`;
}

function decisionForm(item: SharedChangeRequest, w: Words): SafeHtml {
  const { s, lang } = w;
  const id = `cr-${item.id}`;
  return html`<form method="post" class="noprint">
    <input type="hidden" name="form" value="decision" /><input type="hidden" name="lang" value="${lang}" /><input
      type="hidden"
      name="changeRequestId"
      value="${item.id}"
    /><input type="hidden" name="revision" value="${item.revision ?? 0}" /><label for="${id}-name">${s('share.decideName')}</label
    ><input type="text" id="${id}-name" name="name" required maxlength="200" autocomplete="name" /><label for="${id}-comment"
      >${s('share.decideComment')}</label
    ><textarea id="${id}-comment" name="comment" maxlength="2000"></textarea
    ><button type="submit" name="decision" value="approved">${s('share.approve')}</button
    ><button type="submit" name="decision" value="rejected" class="secondary">${s('share.reject')}</button>
  </form>`;
}

function changesSection(changes: NonNullable<SharedPageContent['changeRequests']>, w: Words): SafeHtml {
  const { s, c, lang } = w;
  return section(
    'changes',
    s('share.changesTitle'),
    html`${
      changes.awaiting.length === 0
        ? html`<p class="muted">${s('share.changesNone')}</p>`
        : changes.awaiting.map(
            (item) =>
              html`<div class="card" data-change="${item.id}">
                <h3>${item.title} <span class="badge amber">${c('changes.awaitingYou')}</span></h3>
                ${changeDetails(item, w)}${changes.decidable && item.revision !== null ? decisionForm(item, w) : null}
              </div>`,
          )
    }${
      changes.decided.length === 0
        ? null
        : html`<h3>${s('share.changesDecided')}</h3>
            <ul>
              ${changes.decided.map(
                (item: ClientChangeRequestJson) =>
                  html`<li>${item.title} <span class="muted">· ${describeChangeState(item, lang, 'client')}</span></li>`,
              )}
            </ul>`
    }`,
  );
}

function feedbackSection(form: NonNullable<SharedPageContent['feedbackForm']>, w: Words): SafeHtml {
  const { s, lang } = w;
  const ratings = [1, 2, 3, 4, 5];
  const scores = Array.from({ length: 11 }, (_, n) => n);
  return section(
    'feedback',
    s('share.feedbackTitle'),
    html`<form method="post">
      <input type="hidden" name="form" value="feedback" /><input type="hidden" name="lang" value="${lang}" /><input
        type="hidden"
        name="submissionId"
        value="${form.submissionId}"
      />
      <fieldset>
        <legend>${s('share.feedbackRating')}</legend>
        <p class="muted">${s('share.feedbackRatingHint')}</p>
        <div class="scale">${ratings.map((n) => html`<label><input type="radio" name="rating" value="${n}" required /> ${n}</label>`)}</div>
      </fieldset>
      <label for="fb-nps">${s('share.feedbackNps')}</label>
      <p class="muted">${s('share.feedbackNpsHint')}</p>
      <select id="fb-nps" name="nps">
        <option value="">${s('share.feedbackNpsNone')}</option>
        ${scores.map((n) => html`<option value="${n}">${n}</option>`)}</select
      ><label for="fb-comment"
        >${s('share.feedbackComment', {
          max: form.maxCommentLength,
        })}</label
      ><textarea id="fb-comment" name="comment" maxlength="${form.maxCommentLength}"></textarea
      ><button type="submit">${s('share.feedbackSend')}</button>
    </form>`,
  );
}

function wordsFor(lang: Language, timeZone: string): Words {
  return { t: reportWords(lang), s: shareWords(lang), c: changeWords(lang), dates: reportDates(lang, { timeZone }), lang };
}

/** The page header: project, title, as-of time in the project's zone, scope, and the language switch. */
function pageHeader(content: Pick<SharedPageContent, 'lang' | 'project' | 'asOf' | 'timeZone' | 'scope'>, w: Words): SafeHtml {
  const { s, dates } = w;
  return html`<header>
    ${languageSwitch(content.lang, s)}
    <p class="meta">${s('share.title')}</p>
    <h1>${content.project.name}</h1>
    <p class="meta">
      ${s('share.asOf', {
        time: dates.instant(content.asOf),
      })}
      ·
      ${
        content.scope.kind === 'live'
          ? s('share.scope.live')
          : s('share.scope.report', { version: content.scope.version, time: dates.instant(content.scope.publishedAt) })
      }
    </p>
    <p class="meta">${s('share.timeZone', { zone: content.timeZone })}</p>
  </header>`;
}

function footer(s: ShareWords): SafeHtml {
  return html`<footer><p class="muted">${s('share.footer')}</p></footer>`;
}

/** The status page for `content`, in its language. */
export function renderSharedPage(content: SharedPageContent): string {
  const w = wordsFor(content.lang, content.timeZone);
  const { t, s, dates } = w;
  const parts = content.sections.map((name): SafeHtml | null => {
    switch (name) {
      case 'health':
        return content.health ? healthSection(content.health, w) : null;
      case 'milestones':
        return content.milestones ? milestonesSection(content.milestones, w) : null;
      case 'waiting-on-client':
        return content.waitingOnClient ? waitingSection(content.waitingOnClient, w) : null;
      case 'change-requests':
        return content.changeRequests ? changesSection(content.changeRequests, w) : null;
      case 'completed':
        return content.completed
          ? section(
              'completed',
              t('report.completed'),
              content.completed.length === 0
                ? html`<p class="muted">${t('report.empty')}</p>`
                : html`${content.completed.map(
                    (group) =>
                      html`${group.epic === null ? null : html`<h3><span class="key">${group.epic.key}</span> ${group.epic.summary}</h3>`}
                        <ul>
                          ${group.issues.map((i) => issueItem(i, t, dates))}
                        </ul>`,
                  )}`,
            )
          : null;
      case 'next-up':
        return content.nextUp
          ? section(
              'next',
              t('report.nextUp'),
              html`<h3>${t('report.inProgress')}</h3>
                ${issueList(content.nextUp.inProgress, t, dates, t('report.empty'))}
                <h3>${t('report.nextUp')}</h3>
                ${issueList(content.nextUp.nextUp, t, dates, t('report.empty'))}`,
            )
          : null;
      case 'risks':
        return content.risks
          ? section(
              'risks',
              t('report.risks'),
              html`<h3>${t('report.flagged')}</h3>
                ${issueList(content.risks.flagged, t, dates, t('report.empty'))}
                <h3>${t('report.blocked')}</h3>
                ${
                  content.risks.blocked.length === 0
                    ? html`<p class="muted">${t('report.empty')}</p>`
                    : html`<ul>
                        ${content.risks.blocked.map((b) => issueItem(b.issue, t, dates, describeClientBlockers(b, content.lang)))}
                      </ul>`
                }${
                  content.risks.registerRisks.length === 0
                    ? null
                    : html`<h3>${t('report.registerRisks')}</h3>
                        <ul>
                          ${content.risks.registerRisks.map(
                            (r) => html`<li>${r.text} <span class="muted">· ${describeClientRegisterRisk(r, t)}</span></li>`,
                          )}
                        </ul>`
                }`,
            )
          : null;
      case 'feedback-form':
        return content.feedbackForm ? feedbackSection(content.feedbackForm, w) : null;
      case 'acceptance':
        return content.acceptance ? renderAcceptanceSection(content.acceptance, content.lang, dates) : null;
      case 'commitments':
        return content.commitments ? renderCommitmentsSection(content.commitments, content.lang) : null;
    }
  });
  return renderSharedDocument(
    content.lang,
    `${content.project.name} · ${s('share.title')}`,
    html`${pageHeader(content, w)}
      <main>${parts}</main>
      ${footer(s)}`,
  );
}

/** The page when the project has no data yet (no snapshot): the chrome and one sentence. */
export function renderNoDataPage(lang: Language): string {
  const s = shareWords(lang);
  return renderSharedDocument(
    lang,
    s('share.title'),
    html`<header>
        ${languageSwitch(lang, s)}
        <h1>${s('share.title')}</h1>
      </header>
      <main><p>${s('share.noData')}</p></main>
      ${footer(s)}`,
  );
}

function languageSwitchLinks(lang: Language): SafeHtml {
  return html`${LANGUAGES.map((l) => html`<a href="?lang=${l}" hreflang="${l}" lang="${l}" ${l === lang ? html` aria-current="page"` : null}>${LANGUAGE_NAMES[l]}</a>`)}`;
}

/** A short page after a form: its title, one paragraph, and the way back (a relative link to the page). */
export function renderMessagePage(lang: Language, title: string, message: string): string {
  const s = shareWords(lang);
  return renderSharedDocument(
    lang,
    title,
    html`<main>
      <h1>${title}</h1>
      <p>${message}</p>
      <p><a href="?lang=${lang}">${s('share.back')}</a></p>
    </main>`,
  );
}
