/**
 * HTML built only through the `html` tagged template: every interpolated value is escaped
 * unless it is itself `SafeHtml` made by `html`, so markup can never come from report data.
 */
export class SafeHtml {
  /** Only `html` and `joinHtml` make these; the constructor is not for callers. */
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What `html` accepts between `${}`: text (escaped), numbers, nested fragments, lists of them, nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

import { withoutBidiControls } from '../../../contract/text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Bidi controls out first: text from Jira or a record must display in the order it is stored.
  return withoutBidiControls(text).replace(/[&<>"'`]/gu, (ch) => ESCAPES[ch] ?? ch);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * The only way to make markup. `null`, `undefined` and `false` render nothing (for `cond && html\`…\``);
 * arrays are concatenated.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * A style sheet of trusted markup (a literal `<style>` block) with its indentation and line
 * breaks taken out: fewer bytes on every page that carries it. Only whitespace goes, so what
 * was safe stays safe.
 */
export function compactStyle(fragment: SafeHtml): SafeHtml {
  return new SafeHtml(fragment.value.replace(/\s+/gu, ' ').replace(/\s*([{};,>])\s*/gu, '$1'));
}
