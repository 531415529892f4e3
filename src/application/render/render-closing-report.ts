/**
 * The closing report (issue 13) as files: Markdown that pastes cleanly into e-mail, Confluence
 * and chat, and self-contained HTML that prints to PDF, in either language. Every value from the
 * report is escaped (`escapeMarkdown`, the `html` template); the audience was chosen before.
 */
import type { ClosingReportJson } from '../../../contract/closing';
import { CLOSING_MESSAGES } from '../../../contract/i18n/closing-messages';
import { translator } from '../../../contract/i18n/strings';
import type { ImpactTotalsJson } from '../../../contract/change-impact';
import type { Language } from '../../../contract/language';
import { PRINT_STYLE } from './report-print-style';
import { escapeMarkdown as md } from './render-report-markdown';
import { html, type SafeHtml } from './safe-html';

type Words = ReturnType<typeof closingWords>;

function closingWords(lang: Language) {
  return translator(lang, CLOSING_MESSAGES);
}

const DASH = '—';
const orDash = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? DASH : value);
const csatText = (csat: number | null): string => (csat === null ? DASH : csat.toFixed(1));
const signed = (n: number): string => (n > 0 ? `+${String(n)}` : String(n));

function costText(costs: ImpactTotalsJson['costs'], lang: Language): string {
  if (costs.length === 0) return '';
  const sep = lang === 'zh-CN' ? '，' : ', ';
  return sep + costs.map((c) => `${c.amount.toFixed(2)} ${c.currency}`).join(sep);
}

/** The text lines of each section, shared by both formats (plain text, escaped by the format). */
interface Lines {
  title: string;
  meta: string[];
  kpis: { note: string[]; header: string[]; rows: string[][]; months: string[] };
  milestones: { note: string | null; header: string[]; rows: string[][] };
  changes: { note: string[]; header: string[]; rows: string[][]; details: string[] };
  satisfaction: { note: string[]; header: string[]; rows: string[][] };
  complaints: { note: string[]; header: string[]; rows: string[][] };
  retro: {
    heldOn: string | null;
    participants: string[];
    wentWell: string[];
    toChange: string[];
    actions: string[];
    internalNote: string | null;
  };
}

function toLines(report: ClosingReportJson, lang: Language): Lines {
  const t = closingWords(lang);
  const rag = (r: 'green' | 'amber' | 'red' | 'grey') => t(`closing.rag.${r}`);
  const reading = (r: { day: string; rag: 'green' | 'amber' | 'red' | 'grey'; value: number | null } | null) =>
    r === null ? DASH : `${rag(r.rag)}${r.value === null ? '' : ` (${String(Math.round(r.value * 100) / 100)})`}, ${r.day}`;
  const { kpis, changes, satisfaction, complaints, retro } = report;
  const kpiNote =
    kpis.points === 0
      ? [t('closing.kpis.none')]
      : [
          t('closing.kpis.summary', { points: kpis.points, from: orDash(kpis.from), to: orDash(kpis.to) }),
          ...(kpis.complete ? [] : [t('closing.kpis.incomplete', { points: kpis.points })]),
        ];
  const overallDays = kpis.overall.days;
  return {
    title: t('closing.report.title', { project: report.project.name }),
    meta: [
      ...(report.clientName === '' ? [] : [t('closing.report.client', { client: report.clientName })]),
      t('closing.report.period', { start: report.period.start, end: report.period.end }),
      t(`closing.audience.${report.audience}`),
    ],
    kpis: {
      note: kpiNote,
      header: [
        t('closing.kpis.dimension'),
        t('closing.kpis.first'),
        t('closing.kpis.last'),
        t('closing.kpis.worst'),
        t('closing.kpis.days'),
      ],
      rows:
        kpis.points === 0
          ? []
          : [
              [
                t('closing.kpis.overall'),
                DASH,
                DASH,
                DASH,
                `${String(overallDays.green)} / ${String(overallDays.amber)} / ${String(overallDays.red)}`,
              ],
              ...kpis.dimensions.map((d) => [
                t(`closing.dimension.${d.key}`),
                reading(d.first),
                reading(d.last),
                rag(d.worst),
                `${String(d.days.green)} / ${String(d.days.amber)} / ${String(d.days.red)}`,
              ]),
            ],
      months: kpis.overall.months.map((m) => `${m.month}: ${rag(m.rag)}`),
    },
    milestones: {
      note: report.milestones.length === 0 ? t('closing.milestones.none') : null,
      header: [t('closing.milestones.name'), t('closing.milestones.planned'), t('closing.milestones.actual'), t('closing.milestones.slip')],
      rows: report.milestones.map((m) => [
        m.name,
        orDash(m.planned),
        m.actual ?? t('closing.milestones.unreleased'),
        m.slipDays === null ? DASH : t('closing.milestones.slipDays', { days: signed(m.slipDays) }),
      ]),
    },
    changes: {
      note:
        changes.items.length === 0
          ? [t('closing.changes.none')]
          : [
              t('closing.changes.agreed', {
                count: changes.agreedImpact.count,
                days: signed(changes.agreedImpact.scheduleDays),
                hours: signed(changes.agreedImpact.effortHours),
                cost: costText(changes.agreedImpact.costs, lang),
              }),
              ...(changes.complete ? [] : [t('closing.changes.incomplete')]),
            ],
      header: [t('closing.changes.title'), t('closing.changes.status'), t('closing.changes.impact')],
      rows: changes.items.map((c) => [
        c.title,
        t(`closing.change.status.${c.status}`),
        t('closing.changes.impactText', {
          days: signed(c.impact.scheduleDays),
          hours: signed(c.impact.effortHours),
          cost: c.impact.cost ? costText([c.impact.cost], lang) : '',
        }),
      ]),
      details: changes.items.flatMap((c) => [
        ...(c.internalNote ? [`${c.title}: ${t('closing.changes.internalNote', { note: c.internalNote })}`] : []),
        ...(c.linkedIssueKeys && c.linkedIssueKeys.length > 0
          ? [`${c.title}: ${t('closing.changes.linked', { keys: c.linkedIssueKeys.join(', ') })}`]
          : []),
      ]),
    },
    satisfaction: {
      note:
        satisfaction.overall.responses === 0
          ? [t('closing.satisfaction.none')]
          : [
              t('closing.satisfaction.overall', { responses: satisfaction.overall.responses, csat: csatText(satisfaction.overall.csat) }),
              ...(satisfaction.overall.nps === null
                ? []
                : [t('closing.satisfaction.nps', { nps: String(satisfaction.overall.nps), responses: satisfaction.overall.npsResponses })]),
            ],
      header: [t('closing.satisfaction.month'), t('closing.satisfaction.csat'), t('closing.satisfaction.responses')],
      rows: satisfaction.months.map((m) => [m.month, csatText(m.csat), String(m.responses)]),
    },
    complaints: {
      note:
        complaints.items.length === 0
          ? [t('closing.complaints.none')]
          : [
              t('closing.complaints.counts', {
                onTime: complaints.outcomes['resolved-on-time'],
                late: complaints.outcomes['resolved-late'],
                open: complaints.outcomes.open + complaints.outcomes['open-overdue'],
              }),
            ],
      header: [t('closing.complaints.opened'), t('closing.complaints.rating'), t('closing.complaints.outcome')],
      rows: complaints.items.map((c) => [
        c.openedOn,
        String(c.rating),
        [
          t(`closing.complaints.outcome.${c.outcome}`),
          c.resolvedOn === null ? '' : ` (${t('closing.complaints.resolvedOn', { day: c.resolvedOn })})`,
          c.resolutionNote ? ` — ${t('closing.complaints.note', { note: c.resolutionNote })}` : '',
          c.jiraIssueKey ? ` [${c.jiraIssueKey}]` : '',
        ].join(''),
      ]),
    },
    retro: {
      heldOn: retro.heldOn,
      participants: retro.participants.map((p) => `${p.name} (${t(`closing.retro.side.${p.side}`)})`),
      wentWell: retro.wentWell,
      toChange: retro.toChange,
      actions: retro.actions.map((a) =>
        [
          a.text,
          a.owner === '' ? '' : ` — ${t('closing.retro.owner')}: ${a.owner}`,
          a.due === null ? '' : `, ${t('closing.retro.due')}: ${a.due}`,
          a.jiraIssueKey ? ` [${a.jiraIssueKey}]` : '',
        ].join(''),
      ),
      internalNote: retro.internalNote ? retro.internalNote : null,
    },
  };
}

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return [];
  return [
    `| ${header.map(md).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(md).join(' | ')} |`),
    '',
  ];
}

const mdList = (items: readonly string[], t: Words): string[] =>
  items.length === 0 ? [md(t('closing.retro.none')), ''] : [...items.map((i) => `- ${md(i)}`), ''];

/** The closing report as Markdown in `lang`. */
export function renderClosingMarkdown(report: ClosingReportJson, lang: Language): string {
  const t = closingWords(lang);
  const l = toLines(report, lang);
  const out: string[] = [`# ${md(l.title)}`, '', ...l.meta.map((m) => `${md(m)}  `), ''];
  out.push(`## ${md(t('closing.kpis.heading'))}`, '', ...l.kpis.note.map(md), '', ...mdTable(l.kpis.header, l.kpis.rows));
  if (l.kpis.months.length > 0) out.push(`${md(t('closing.kpis.months'))}: ${l.kpis.months.map(md).join('; ')}`, '');
  out.push(`## ${md(t('closing.milestones.heading'))}`, '');
  if (l.milestones.note !== null) out.push(md(l.milestones.note), '');
  out.push(...mdTable(l.milestones.header, l.milestones.rows));
  out.push(`## ${md(t('closing.changes.heading'))}`, '', ...l.changes.note.map(md), '', ...mdTable(l.changes.header, l.changes.rows));
  if (l.changes.details.length > 0) out.push(...l.changes.details.map((d) => `- ${md(d)}`), '');
  out.push(
    `## ${md(t('closing.satisfaction.heading'))}`,
    '',
    ...l.satisfaction.note.map(md),
    '',
    ...mdTable(l.satisfaction.header, l.satisfaction.rows),
  );
  out.push(
    `## ${md(t('closing.complaints.heading'))}`,
    '',
    ...l.complaints.note.map(md),
    '',
    ...mdTable(l.complaints.header, l.complaints.rows),
  );
  out.push(`## ${md(t('closing.retro.heading'))}`, '');
  if (l.retro.heldOn !== null) out.push(`${md(t('closing.retro.heldOn'))}: ${md(l.retro.heldOn)}`, '');
  out.push(`### ${md(t('closing.retro.participants'))}`, '', ...mdList(l.retro.participants, t));
  out.push(`### ${md(t('closing.retro.wentWell'))}`, '', ...mdList(l.retro.wentWell, t));
  out.push(`### ${md(t('closing.retro.toChange'))}`, '', ...mdList(l.retro.toChange, t));
  out.push(`### ${md(t('closing.retro.actions'))}`, '', ...mdList(l.retro.actions, t));
  if (l.retro.internalNote !== null) out.push(`### ${md(t('closing.retro.internalNote'))}`, '', md(l.retro.internalNote), '');
  return `${out.join('\n').trimEnd()}\n`;
}

const STYLE = html`<style>
  body {
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      'PingFang SC',
      'Microsoft YaHei',
      sans-serif;
    color: #172b4d;
    max-width: 60rem;
    margin: 2rem auto;
    padding: 0 1rem;
    line-height: 1.5;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0.5rem 0 1rem;
  }
  th,
  td {
    border: 1px solid #dfe1e6;
    padding: 0.25rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  th {
    background: #f4f5f7;
  }
  .meta {
    color: #44546f;
    margin: 0;
  }
</style>`;

function htmlTable(id: string, header: readonly string[], rows: readonly (readonly string[])[]): SafeHtml | null {
  if (rows.length === 0) return null;
  return html`<table data-table="${id}">
    <thead>
      <tr>
        ${header.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            ${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function htmlList(items: readonly string[], t: Words): SafeHtml {
  return items.length === 0
    ? html`<p>${t('closing.retro.none')}</p>`
    : html`<ul>
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>`;
}

/** The closing report as a self-contained HTML document in `lang` (no script, no remote resources). */
export function renderClosingHtml(report: ClosingReportJson, lang: Language): string {
  const t = closingWords(lang);
  const l = toLines(report, lang);
  const section = (id: string, heading: string, body: readonly (SafeHtml | null)[]) =>
    html`<section id="${id}" aria-labelledby="${id}-h">
      <h2 id="${id}-h">${heading}</h2>
      ${body}
    </section>`;
  const paragraphs = (lines: readonly string[]) => lines.map((line) => html`<p>${line}</p>`);
  const page = html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
        <meta name="referrer" content="no-referrer" />
        <title>${l.title}</title>
        ${STYLE} ${PRINT_STYLE}
      </head>
      <body data-report-kind="closing" data-audience="${report.audience}">
        <header>
          <h1>${l.title}</h1>
          ${l.meta.map((m) => html`<p class="meta">${m}</p>`)}
        </header>
        <main>
          ${section('kpis', t('closing.kpis.heading'), [
            ...paragraphs(l.kpis.note),
            htmlTable('kpis', l.kpis.header, l.kpis.rows),
            l.kpis.months.length > 0 ? html`<p>${t('closing.kpis.months')}: ${l.kpis.months.join('; ')}</p>` : null,
          ])}
          ${section('milestones', t('closing.milestones.heading'), [
            l.milestones.note === null ? null : html`<p>${l.milestones.note}</p>`,
            htmlTable('milestones', l.milestones.header, l.milestones.rows),
          ])}
          ${section('changes', t('closing.changes.heading'), [
            ...paragraphs(l.changes.note),
            htmlTable('changes', l.changes.header, l.changes.rows),
            l.changes.details.length > 0
              ? html`<ul>
                  ${l.changes.details.map((d) => html`<li>${d}</li>`)}
                </ul>`
              : null,
          ])}
          ${section('satisfaction', t('closing.satisfaction.heading'), [
            ...paragraphs(l.satisfaction.note),
            htmlTable('satisfaction', l.satisfaction.header, l.satisfaction.rows),
          ])}
          ${section('complaints', t('closing.complaints.heading'), [
            ...paragraphs(l.complaints.note),
            htmlTable('complaints', l.complaints.header, l.complaints.rows),
          ])}
          ${section('retro', t('closing.retro.heading'), [
            l.retro.heldOn === null ? null : html`<p>${t('closing.retro.heldOn')}: ${l.retro.heldOn}</p>`,
            html`<h3>${t('closing.retro.participants')}</h3>`,
            htmlList(l.retro.participants, t),
            html`<h3>${t('closing.retro.wentWell')}</h3>`,
            htmlList(l.retro.wentWell, t),
            html`<h3>${t('closing.retro.toChange')}</h3>`,
            htmlList(l.retro.toChange, t),
            html`<h3>${t('closing.retro.actions')}</h3>`,
            htmlList(l.retro.actions, t),
            l.retro.internalNote === null
              ? null
              : html`<h3>${t('closing.retro.internalNote')}</h3>
                  <p>${l.retro.internalNote}</p>`,
          ])}
        </main>
      </body>
    </html>`;
  return page.value;
}
