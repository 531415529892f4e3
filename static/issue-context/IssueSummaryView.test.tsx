import { describe, expect, it } from 'vitest';
import type { IssueSummary } from '../../contract';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { IssueContextApp } from './IssueContextApp';
import { IssueSummaryView } from './IssueSummaryView';

function anIssue(overrides: Partial<IssueSummary> = {}): IssueSummary {
  return {
    key: 'ACME-7',
    summary: 'Homepage hero',
    status: { name: 'In Progress', category: 'indeterminate' },
    dueDate: '2025-04-02',
    ...overrides,
  };
}

describe('IssueSummaryView', () => {
  it('shows the key, the status as a lozenge and the due date', () => {
    const html = renderForTest(<IssueSummaryView issue={anIssue()} />);
    expect(textOfTestId(html, 'issue-key')).toBe('ACME-7');
    expect(textOfTestId(html, 'issue-status')).toBe('In Progress');
    expect(textOfTestId(html, 'issue-due')).toBe('Apr 2, 2025');
  });

  it('colours the status lozenge by category', () => {
    const done = renderForTest(<IssueSummaryView issue={anIssue({ status: { name: 'Done', category: 'done' } })} />);
    expect(done).toMatch(/data-testid="issue-status" style="[^"]*var\(--ds-background-success/u);
    const todo = renderForTest(<IssueSummaryView issue={anIssue({ status: { name: 'To Do', category: 'new' } })} />);
    expect(todo).toMatch(/data-testid="issue-status" style="[^"]*var\(--ds-background-neutral/u);
  });

  it('says when there is no due date, in the user language', () => {
    expect(textOfTestId(renderForTest(<IssueSummaryView issue={anIssue({ dueDate: null })} />), 'issue-due')).toBe('No due date');
    expect(textOfTestId(renderForTest(<IssueSummaryView issue={anIssue({ dueDate: null })} />, { locale: 'zh-CN' }), 'issue-due')).toBe(
      '无截止日期',
    );
  });
});

describe('IssueContextApp', () => {
  it('starts in an accessible loading state', () => {
    expect(renderForTest(<IssueContextApp />)).toMatch(/role="status" aria-label="Loading issue summary"/u);
  });
});
