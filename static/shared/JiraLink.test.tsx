import { describe, expect, it } from 'vitest';
import { IssueKeyLink, JiraLink } from './JiraLink';
import { renderForTest } from './render-for-test';

describe('JiraLink', () => {
  it('is a real link to the issue, described as opening a new tab, its text the key alone', () => {
    const html = renderForTest(<IssueKeyLink issueKey="ACME-7" testId="blocker-link" />);
    expect(html).toMatch(
      /<a href="https:\/\/acme.example\/browse\/ACME-7" target="_blank" rel="noreferrer" class="cf-link" aria-describedby="cf-link-new-tab-hint" data-testid="blocker-link">ACME-7<\/a>/u,
    );
    expect(html).toMatch(/<span id="cf-link-new-tab-hint" hidden="">\(opens in a new tab\)<\/span>/u);
  });

  it('links several issues to a search', () => {
    const html = renderForTest(<JiraLink issueKeys={['ACME-1', 'ACME-2']}>two</JiraLink>);
    expect(html).toContain(`href="https://acme.example/issues/?jql=${encodeURIComponent('key in (ACME-1, ACME-2)')}"`);
  });
});
