import { describe, expect, it } from 'vitest';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { anIssueRiskView } from '../testing/issue-risk-view-builder';
import { IssueContextApp } from './IssueContextApp';
import { IssueRiskPanel } from './IssueRiskPanel';

describe('IssueRiskPanel', () => {
  it('shows the key, the status as a lozenge and the due date', () => {
    const html = renderForTest(<IssueRiskPanel issue={anIssueRiskView()} />);
    expect(textOfTestId(html, 'issue-key')).toBe('ACME-12');
    expect(html).toContain('Checkout page: card payment');
    expect(textOfTestId(html, 'issue-status')).toBe('In Progress');
    expect(textOfTestId(html, 'issue-due')).toBe('Mar 10, 2025');
  });

  it('shows a high risk as a danger lozenge, with its score, reasons and blocking issues as links', () => {
    const html = renderForTest(<IssueRiskPanel issue={anIssueRiskView()} />);
    expect(textOfTestId(html, 'risk-level')).toBe('High risk');
    expect(html).toMatch(/data-testid="risk-level" style="[^"]*var\(--ds-background-danger/u);
    expect(textOfTestId(html, 'risk-score')).toBe('72 / 100');
    const reasons = [
      ...(/<ul data-testid="risk-reasons"[^>]*>([\s\S]*?)<\/ul>/u.exec(html)?.[1] ?? '').matchAll(/<li>([^<]*)<\/li>/gu),
    ].map((match) => match[1]);
    expect(reasons).toEqual(['Overdue by 4 days', 'Blocked by ACME-40 (In Progress) for 3 days', 'Flagged as an impediment']);
    const blockers = [...html.matchAll(/<a href="([^"]*)"[^>]*data-testid="blocker-link"[^>]*>([^<]*)<\/a>/gu)].map((match) => [
      match[1],
      match[2],
    ]);
    expect(blockers).toEqual([
      ['https://acme.example/browse/ACME-40', 'ACME-40'],
      ['https://acme.example/browse/ACME-41', 'ACME-41'],
    ]);
    expect(html.replaceAll('<!-- -->', '')).toContain('(To Do)');
  });

  it.each([
    ['medium', 'Medium risk', 'warning'],
    ['low', 'Low risk', 'success'],
  ] as const)('shows a %s risk as "%s" in %s colours', (level, label, colour) => {
    const html = renderForTest(
      <IssueRiskPanel issue={anIssueRiskView({ risk: { key: 'ACME-12', score: 30, level, reasons: [], signals: [] }, blockedBy: [] })} />,
    );
    expect(textOfTestId(html, 'risk-level')).toBe(label);
    expect(html).toMatch(new RegExp(`data-testid="risk-level" style="[^"]*var\\(--ds-background-${colour}`, 'u'));
    expect(html).toContain('No risk signals.');
    expect(html).not.toContain('blocker-link');
  });

  it.each([
    { lang: 'en-US', waiting: 'Waiting on the client for 17 days', other: 'Overdue by 5 days' },
    { lang: 'zh-CN', waiting: '已等待客户 17 天', other: '已逾期 5 天' },
  ])('says how long an issue has waited on the client, once ($lang)', ({ lang, waiting, other }) => {
    const signals = [
      { code: 'overdue', days: 5, points: 35 },
      { code: 'waitingOnClient', days: 17, estimated: false, points: 0 },
    ] as const;
    const issue = anIssueRiskView({
      status: { name: 'Waiting for customer', category: 'indeterminate' },
      risk: { key: 'ACME-12', score: 35, level: 'medium', reasons: [other, waiting], signals: [...signals] },
      blockedBy: [],
    });
    const html = renderForTest(<IssueRiskPanel issue={issue} />, { locale: lang });
    expect(textOfTestId(html, 'issue-waiting')).toBe(waiting);
    const reasons = /<ul data-testid="risk-reasons"[^>]*>([\s\S]*?)<\/ul>/u.exec(html)?.[1] ?? '';
    expect(reasons).toContain(other);
    expect(reasons).not.toContain(waiting);
  });

  it('shows no wait for an issue that is not waiting', () => {
    expect(renderForTest(<IssueRiskPanel issue={anIssueRiskView()} />)).not.toContain('issue-waiting');
  });

  it('says a done issue carries no risk, without a score or reasons', () => {
    const html = renderForTest(
      <IssueRiskPanel issue={anIssueRiskView({ status: { name: 'Done', category: 'done' }, risk: null, blockedBy: [], dueDate: null })} />,
    );
    expect(textOfTestId(html, 'risk-done')).toBe('Done — no risk');
    expect(html).not.toContain('risk-level');
    expect(html).not.toContain('risk-score');
    expect(html).not.toContain('risk-reasons');
    expect(textOfTestId(html, 'issue-due')).toBe('No due date');
    expect(html).toMatch(/data-testid="issue-status" style="[^"]*var\(--ds-background-success/u);
  });

  it('speaks Simplified Chinese', () => {
    const html = renderForTest(<IssueRiskPanel issue={anIssueRiskView()} />, { locale: 'zh-CN' });
    expect(textOfTestId(html, 'risk-level')).toBe('高风险');
    expect(html).toContain('被以下事务阻塞');
    expect(textOfTestId(html, 'issue-due')).toBe('2025年3月10日');
    const done = renderForTest(<IssueRiskPanel issue={anIssueRiskView({ risk: null, blockedBy: [] })} />, { locale: 'zh-CN' });
    expect(textOfTestId(done, 'risk-done')).toBe('已完成 — 无风险');
  });
});

describe('IssueContextApp', () => {
  it('starts in an accessible loading state', () => {
    expect(renderForTest(<IssueContextApp />)).toMatch(/role="status" aria-label="Loading client risk"/u);
  });
});
