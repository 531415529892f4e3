/**
 * "Since last report" in the Markdown and HTML renderings (and so the e-mails made from them):
 * the text of `describeSinceLast`, with issue keys linked for the team (`keyLink`) and plain for
 * the client. Absent in reports derived without the comparison.
 */
import { describeSinceLast, type SinceLastLine } from '../../../contract/i18n/since-last-sentences';
import type { Language } from '../../../contract/language';
import type { ClientSinceLastSectionJson, SinceLastSectionJson } from '../../../contract/since-last-report';
import { html, type SafeHtml } from './safe-html';

interface SinceLastInput {
  section: SinceLastSectionJson | ClientSinceLastSectionJson | undefined;
  lang: Language;
  audience: 'internal' | 'client';
  /** When the last report was published, as the report writes instants. */
  instant: (iso: string) => string;
  keyLink?: ((key: string) => string) | undefined;
}

/** Markdown lines (a level-2 heading first), or none; `escape` is the Markdown renderer's escaping. */
export function sinceLastMarkdown(input: SinceLastInput, escape: (text: string) => string): string[] {
  if (input.section === undefined) return [];
  const text = describeSinceLast(input.section, input.lang, input.audience, input.instant);
  const keyLink = input.audience === 'internal' ? input.keyLink : undefined;
  const item = (line: SinceLastLine) => {
    if (line.key === null) return `- ${escape(line.text)}`;
    const key = keyLink ? `[${escape(line.key)}](${keyLink(line.key)})` : escape(line.key);
    return `- **${key}** ${escape(line.text)}`;
  };
  const out = [`## ${escape(text.title)}`, '', escape(text.intro)];
  if (text.nothing !== null) out.push('', escape(text.nothing));
  for (const group of text.groups) out.push('', `**${escape(group.heading)}**`, '', ...group.lines.map(item));
  for (const note of text.notes) out.push('', `> ${escape(note)}`);
  return out;
}

/** The HTML section, or null. */
export function sinceLastHtml(input: SinceLastInput): SafeHtml | null {
  if (input.section === undefined) return null;
  const text = describeSinceLast(input.section, input.lang, input.audience, input.instant);
  const keyLink = input.audience === 'internal' ? input.keyLink : undefined;
  const key = (k: string) => (keyLink ? html`<a class="key" href="${keyLink(k)}">${k}</a>` : html`<span class="key">${k}</span>`);
  return html`<section aria-labelledby="since-last" class="since-last">
    <h2 id="since-last">${text.title}</h2>
    <p>${text.intro}</p>
    ${text.nothing === null ? null : html`<p class="muted">${text.nothing}</p>`}
    ${text.groups.map(
      (group) =>
        html`<h3>${group.heading}</h3>
          <ul data-since-last="${group.id}">
            ${group.lines.map((line) => html`<li>${line.key === null ? null : html`${key(line.key)} `}${line.text}</li>`)}
          </ul>`,
    )}
    ${text.notes.map((note) => html`<p class="override">${note}</p>`)}
  </section>`;
}
