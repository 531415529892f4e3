/**
 * The report's Client acceptance section (issue 13): the client's decisions of the period, the
 * same for both audiences (the client's own words), in Markdown and in HTML. Absent section: no
 * decision in the period, nothing is written.
 */
import type { ReportAcceptanceJson } from '../../../contract/acceptance';
import { ACCEPTANCE_MESSAGES } from '../../../contract/i18n/acceptance-messages';
import { translator } from '../../../contract/i18n/strings';
import type { Language } from '../../../contract/language';
import type { ReportDates } from './report-text';
import { html, type SafeHtml } from './safe-html';

function line(d: ReportAcceptanceJson, lang: Language, dates: ReportDates): string {
  const a = translator(lang, ACCEPTANCE_MESSAGES);
  return a('acceptanceReport.line', {
    milestone: d.milestone,
    state: a(`acceptance.state.${d.state}`),
    name: d.by,
    date: dates.instant(d.at),
  });
}

function fixes(d: ReportAcceptanceJson, lang: Language): string | null {
  if (d.fixItems.length === 0) return null;
  const a = translator(lang, ACCEPTANCE_MESSAGES);
  return a('acceptanceReport.fixItems', { items: d.fixItems.join(lang === 'zh-CN' ? '；' : '; ') });
}

/** Markdown lines (heading included); `md` escapes text. */
export function acceptanceMarkdown(
  section: readonly ReportAcceptanceJson[] | undefined,
  lang: Language,
  dates: ReportDates,
  md: (text: string) => string,
): string[] {
  if (section === undefined || section.length === 0) return [];
  const a = translator(lang, ACCEPTANCE_MESSAGES);
  const out = ['', `## ${a('acceptanceReport.heading')}`, ''];
  for (const d of section) {
    const extra = [d.comment === '' ? null : md(d.comment), fixes(d, lang) === null ? null : md(fixes(d, lang) ?? '')].filter(
      (x): x is string => x !== null,
    );
    out.push(`- **${md(line(d, lang, dates))}**${extra.length === 0 ? '' : ` — ${extra.join(' · ')}`}`);
  }
  return out;
}

export function acceptanceHtml(section: readonly ReportAcceptanceJson[] | undefined, lang: Language, dates: ReportDates): SafeHtml | null {
  if (section === undefined || section.length === 0) return null;
  const a = translator(lang, ACCEPTANCE_MESSAGES);
  return html`<section aria-labelledby="acceptance">
    <h2 id="acceptance">${a('acceptanceReport.heading')}</h2>
    <ul>
      ${section.map(
        (d) =>
          html`<li data-acceptance="${d.state}">
            <strong>${line(d, lang, dates)}</strong>${d.comment === '' ? null : html` — ${d.comment}`}${
              fixes(d, lang) === null ? null : html` <span class="muted">· ${fixes(d, lang)}</span>`
            }
          </li>`,
      )}
    </ul>
  </section>`;
}
