import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../src/application/render/render-report-markdown';
import { escapeHtml } from '../src/application/render/safe-html';
import { requiredTextSchema, textSchema } from './text';

const OVERRIDES = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('free text', () => {
  it.each(OVERRIDES.map((c) => [c.codePointAt(0)?.toString(16) ?? '', c]))('drops U+%s so text displays as stored', (_code, control) => {
    expect(z.parse(textSchema(100), ` ${control}Too expensive${control} `)).toBe('Too expensive');
  });

  it('keeps right-to-left and Chinese letters, which need no controls', () => {
    expect(z.parse(requiredTextSchema(100), 'שלום 你好 مرحبا')).toBe('שלום 你好 مرحبا');
  });

  it('refuses text that is only controls where text is required', () => {
    expect(z.safeParse(requiredTextSchema(100), '\u202E\u202C').success).toBe(false);
  });

  it('keeps the controls out of HTML and Markdown renderings of text from Jira', () => {
    expect(escapeHtml('\u202Eevil <b>')).toBe('evil &lt;b&gt;');
    expect(escapeMarkdown('\u2067evil\u2069 *x*')).toBe('evil \\*x\\*');
  });
});
