/**
 * The host's Mail page: what the mail provider's local relay delivered over SMTP, listed and
 * opened as a recipient would read it. Mail HTML is shown in a sandboxed frame: markup from a
 * message never runs in the host.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_POSTMARK_TOKEN } from '../../local/mail/postmark-relay';
import { runAsPrincipal } from '../../local/runtime/invocation-principal';
import { createPostmarkMailSender } from '../../src/adapters/mail/postmark-mail-sender';
import { horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';

const host = useBrowserHost([]);

async function sendAsTheApp(subject: string, html: string, text: string, lang: string): Promise<void> {
  const sender = createPostmarkMailSender({ serverToken: LOCAL_POSTMARK_TOKEN, fetch: (url, init) => fetch(url, init) });
  const outcome = await runAsPrincipal({}, () =>
    sender.send({
      from: { address: 'pm@acme.example', name: 'Avery Lee' },
      to: { address: 'wang.fang@client.example', name: '王芳' },
      subject,
      html,
      text,
      lang,
      reference: 'browser-test',
    }),
  );
  expect(outcome.kind).toBe('sent');
}

describe.each(['en', 'zh-CN'] as const)('the Mail page in %s', (lang) => {
  it('lists the delivered mail and opens it with both parts, running nothing from it', async () => {
    host.app.mail.clear();
    await sendAsTheApp(
      lang === 'en' ? 'Weekly status — ACME' : '每周状态 — ACME',
      '<h1>Status</h1><p>On track</p><script>parent.document.title="pwned"</script><img src=x onerror="parent.document.title=\'pwned\'">',
      lang === 'en' ? 'Status\nOn track' : '状态\n按计划',
      lang,
    );
    const page = await host.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setViewportSize({ width: 375, height: 800 });

    await page.goto(`${host.app.url ?? ''}/?lang=${lang}`);
    await page.getByTestId('host-mail-link').click();
    const list = page.getByTestId('mail-list');
    await list.waitFor();
    expect(await list.textContent()).toContain('wang.fang@client.example');
    await page.getByRole('link', { name: lang === 'en' ? 'Weekly status — ACME' : '每周状态 — ACME' }).click();

    const frame = page.getByTestId('mail-html');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await page.frameLocator('[data-testid="mail-html"]').locator('h1').textContent()).toBe('Status');
    expect(await page.getByTestId('mail-text').textContent()).toContain(lang === 'en' ? 'On track' : '按计划');
    expect(await page.locator('.mail-headers').textContent()).toContain('wang.fang@client.example');
    expect(await horizontalOverflow(page.mainFrame())).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `mail-${lang}-375.png`), fullPage: true });
    expect(await page.title()).not.toContain('pwned');
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
