import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './safe-html';

describe('html template', () => {
  it('escapes every interpolated string', () => {
    const summary = '<script>alert("x")</script> & \'quotes\' `tick`';
    expect(html`<p title="${summary}">${summary}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;tick&#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;tick&#96;</p>',
    );
  });

  it('keeps nested fragments as markup and escapes text inside them', () => {
    const items = ['a<b', 'c'];
    const list = items.map((i) => html`<li>${i}</li>`);
    // prettier-ignore
    expect(html`<ul>${list}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it.each([
    [null, ''],
    [undefined, ''],
    [false, ''],
    [0, '0'],
    [42, '42'],
  ] as const)('renders %s as %j', (value, expected) => {
    expect(html`${value}`.value).toBe(expected);
  });

  it('escapes the ampersand first so entities are not double-decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
