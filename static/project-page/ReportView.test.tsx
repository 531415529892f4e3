import { describe, expect, it } from 'vitest';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { aClientStatusReport, anIssueRef, aStatusReport } from '../testing/status-report-builder';
import { ReportView } from './ReportView';

/** The markup of the element carrying `testId`, up to its own closing tag (no nesting of the same tag). */
function partOf(html: string, tag: string, testId: string): string {
  const match = new RegExp(`<${tag}[^>]*data-testid="${testId}"[\\s\\S]*?</${tag}>`, 'u').exec(html);
  if (!match) throw new Error(`no ${testId}`);
  return match[0];
}

describe('ReportView', () => {
  const html = renderForTest(<ReportView report={aStatusReport()} />);

  it('opens with the headline, the period and the status', () => {
    expect(textOfTestId(html, 'report-headline')).toBe('Beta is forecast 8 days late; checkout is blocked on the payment provider.');
    // Intl puts thin spaces around the range dash.
    expect(textOfTestId(html, 'report-period')?.replace(/\s/gu, ' ')).toBe('Period: Mar 1, 2025 – Mar 14, 2025');
    expect(textOfTestId(html, 'report-status')).toBe('Amber');
    expect(textOfTestId(html, 'report-override')).toBe(
      'Reported amber — computed red · Reason given: The client agreed to move Beta by a week.',
    );
  });

  it('shows the override reason to the team, in the reader’s language', () => {
    const report = aStatusReport();
    report.overall = { ...report.overall, overrideReason: 'The client agreed to move Beta.' };
    const en = renderForTest(<ReportView report={report} />);
    expect(textOfTestId(en, 'report-override')).toBe('Reported amber — computed red · Reason given: The client agreed to move Beta.');
    const zh = renderForTest(<ReportView report={report} />, { locale: 'zh-CN' });
    expect(textOfTestId(zh, 'report-override-reason')).toBe(' · 给出的理由：The client agreed to move Beta.');
  });

  it('gives each section a heading', () => {
    for (const heading of [
      'Milestones',
      'Completed this period',
      'In progress',
      'Next up',
      'Risks and blockers',
      'Waiting on the client',
    ]) {
      expect(html).toMatch(new RegExp(`<h3[^>]*>(<button[^>]*>)?${heading}( \\(\\d+\\))?(</button>)?</h3>`, 'u'));
    }
  });

  it('folds the long lists under a disclosure with their counts; the milestones stay open', () => {
    const folds = [...html.matchAll(/<button[^>]*aria-expanded="false"[^>]*aria-controls="([^"]+)"[^>]*>([^<]*)<\/button>/gu)];
    expect(folds.map((match) => match[2])).toEqual([
      'Completed this period (3)',
      'In progress (4)',
      'Next up (1)',
      'Risks and blockers (2)',
      'Waiting on the client (2)',
      'Decisions (0)',
      'Action items (0)',
      'Data to check in Jira (1)',
    ]);
    for (const [, panelId] of folds) expect(html).toContain(`<div id="${panelId ?? ''}" hidden="">`);
    expect(html).not.toMatch(/<div[^>]*hidden=""[^>]*>[^]*data-testid="report-milestones"/u);
  });

  it('counts a list the stored report cut short by its whole, and says only the first ones are listed', () => {
    const report = aStatusReport();
    const shown = report.sections.inProgress.length;
    report.sections.totals = { completed: 3, inProgress: shown + 56, nextUp: 1, waitingOnClient: 2, flagged: 1, blocked: 1, topRisks: 2 };
    const cut = renderForTest(<ReportView report={report} />);
    expect(cut).toContain(`In progress (${String(shown + 56)})`);
    expect(textOfTestId(cut, 'fold-first-of')).toBe(
      `The first ${String(shown)} of ${String(shown + 56)} are listed here; the CLI report lists them all.`,
    );
    expect(cut).toContain('Next up (1)');
    expect(cut.match(/data-testid="fold-first-of"/gu)).toHaveLength(1);
  });

  it('counts the decisions and action items the stored report kept only the first of, in both languages', () => {
    const report = aStatusReport();
    report.sections.decisions = [{ text: 'Go live', date: '2026-11-24', seriesTitle: 'Weekly sync' }];
    report.sections.totals = {
      completed: 0,
      inProgress: 0,
      nextUp: 0,
      waitingOnClient: 0,
      flagged: 0,
      blocked: 0,
      topRisks: 0,
      decisions: 40,
      actionItems: 0,
    };
    const cut = renderForTest(<ReportView report={report} />);
    expect(cut).toContain('Decisions (40)');
    expect(cut).toContain('Action items (0)');
    expect(textOfTestId(cut, 'fold-first-of')).toBe('The first 1 of 40 are listed here; the CLI report lists them all.');
    const zh = renderForTest(<ReportView report={report} />, { locale: 'zh_CN' });
    expect(textOfTestId(zh, 'fold-first-of')).toBe('此处列出 40 个中的前 1 个；命令行报告会列出全部。');
  });

  it('marks an open issue past its due date in words, on the report’s day', () => {
    const line = /<li[^>]*data-issue-key="ACME-12" data-overdue="true"[^]*?<\/li>/u.exec(html)?.[0] ?? '';
    expect(textOfTestId(line, 'overdue-mark')).toBe('overdue by 4 days');
    expect(line).toContain('var(--ds-text-danger');
    const zh = renderForTest(<ReportView report={aStatusReport()} />, { locale: 'zh_CN' });
    expect(textOfTestId(/<li[^>]*data-issue-key="ACME-12"[^]*?<\/li>/u.exec(zh)?.[0] ?? '', 'overdue-mark')).toBe('逾期 4 天');
  });

  it('lists decisions with their touchpoint and action items with owner, due day, status and Jira issue (internal)', () => {
    const report = aStatusReport();
    report.sections.decisions = [{ text: 'Go live in April', date: '2025-03-10', seriesTitle: 'Weekly sync' }];
    report.sections.actionItems = [
      {
        text: 'Send logo',
        ownerSide: 'client',
        ownerName: 'Ana',
        due: '2025-03-12',
        status: 'open',
        jiraIssueKey: 'ACME-60',
        overdue: true,
      },
      { text: 'Book room', ownerSide: 'internal', ownerName: '', due: null, status: 'done', jiraIssueKey: null, overdue: false },
    ];
    const page = renderForTest(<ReportView report={report} />);
    expect(page).toContain('Decisions (1)');
    expect(page).toContain('Action items (2)');
    expect(textOfTestId(page, 'report-decision')).toBe('Go live in April — Weekly sync, Mar 10, 2025');
    const items = [...page.matchAll(/<li[^>]*data-testid="report-action-item"[^>]*>[^]*?<\/li>/gu)].map((m) =>
      m[0].replace(/<[^>]+>/gu, '').replaceAll('<!-- -->', ''),
    );
    expect(items).toEqual(['Send logo — Client: Ana · Due Mar 12, 2025 Overdue ACME-60', 'Book room — Team Done']);
    expect(page).toMatch(/data-testid="report-action-item" data-overdue="true"/u);
  });

  it('shows the client’s decisions and action items in Chinese, with no Jira link', () => {
    const report = aClientStatusReport();
    report.sections.actionItems = [{ text: 'Send logo', ownerSide: 'client', ownerName: 'Ana', due: null, status: 'open', overdue: false }];
    const zh = renderForTest(<ReportView report={report} />, { locale: 'zh_CN' });
    expect(zh).toContain('行动项');
    expect(textOfTestId(zh, 'report-action-item')?.replace(/\s+/gu, ' ')).toBe('Send logo — 客户：Ana 未完成');
    expect(zh).toContain('决定事项');
  });

  it('names a data-quality note’s issue once, as a link where the sentence names it', () => {
    const report = aStatusReport({
      dataQuality: [{ code: 'resolvedNotDone', issueKey: 'ACME-385', message: 'ACME-385 has resolution “Done”.', params: {} }],
    });
    const note = textOfTestId(renderForTest(<ReportView report={report} />), 'data-quality-note');
    expect(note).toBe('ACME-385 has resolution “Done”.');
  });

  it('tabulates milestones with a caption, header scopes, dates, slip, progress and RAG', () => {
    const table = partOf(html, 'table', 'report-milestones');
    expect(table).toContain('<caption');
    expect(table.match(/<th scope="col"/gu)).toHaveLength(6);
    expect(table.match(/<th scope="row"/gu)).toHaveLength(3);
    expect(table).toContain('<time dateTime="2025-03-31">Mar 31, 2025</time>');
    expect(table).toContain('was Mar 24, 2025');
    expect(table).toContain('<time dateTime="2025-04-08">Apr 8, 2025</time>');
    const slips = [...table.matchAll(/data-testid="report-milestone-slip"[^>]*><div>([^<]*)</gu)].map((match) => match[1]);
    expect(slips).toEqual(['8 days late', '5 days early', 'On time']);
    expect(table).toContain('12 of 23 issues');
    expect(table).toContain('30 of 55 points');
    expect(table).toContain('Released');
    expect(table).toContain('>Red<');
  });

  it('groups completed work by epic, issue keys as links to Jira', () => {
    const completed = partOf(html, 'section', 'report-completed');
    expect(completed).toMatch(/<h4[^>]*><a href="https:\/\/acme.example\/browse\/ACME-3"[^>]*>ACME-3<\/a> (<!-- -->)?Homepage<\/h4>/u);
    expect(completed).toContain('No epic');
    expect(completed).toContain('Homepage hero');
    expect(completed).toContain('href="https://acme.example/browse/ACME-9"');
  });

  it('lists risks: flagged, blocked with its blockers as links, top risks with score and level', () => {
    const risks = partOf(html, 'section', 'report-risks');
    expect(textOfTestId(risks, 'report-flagged')).toContain('ACME-12');
    const blocked = partOf(risks, 'ul', 'report-blocked');
    expect(blocked).toContain('Blocked by');
    expect(blocked).toContain('href="https://acme.example/browse/ACME-40"');
    expect(blocked).toContain('href="https://acme.example/browse/ACME-41"');
    const top = partOf(risks, 'ul', 'report-top-risks');
    expect(top).toContain('High risk');
    expect(top).toContain('88 / 100');
    expect(top).toContain('Medium risk');
  });

  it('lists each issue waiting on the client once', () => {
    const waiting = partOf(html, 'section', 'report-waiting');
    expect(waiting.match(/data-issue-key="ACME-21"/gu)).toHaveLength(1);
    expect(waiting.match(/data-testid="report-issue"/gu)).toHaveLength(2);
  });

  it('says how long each issue has waited, longest first, in words', () => {
    const waiting = partOf(html, 'section', 'report-waiting');
    const waits = [...waiting.matchAll(/data-testid="report-wait"[^>]*>([^<]*)</gu)].map((m) => m[1]);
    expect(waits).toEqual(['Waiting 12 days, since Mar 2, 2025', 'Waiting at least 3 days']);
    expect(waiting).toContain('Waiting on the client');
  });

  it('tells the client what waits on their input, in Chinese too', () => {
    const client = partOf(renderForTest(<ReportView report={aClientStatusReport()} />), 'section', 'report-waiting');
    expect(client).toContain('Waiting on your input');
    const zh = partOf(renderForTest(<ReportView report={aClientStatusReport()} />, { locale: 'zh-CN' }), 'section', 'report-waiting');
    expect(zh).toContain('等待您的反馈');
    expect(zh).toContain('自 2025年3月2日起已等待 12 天');
  });

  it('shows data-quality notes internally', () => {
    expect(textOfTestId(html, 'report-data-quality')).toContain('ACME-17 has a resolution but its status is not done.');
  });

  it('tells the PM, per issue, whether the client sees it and why', () => {
    const report = aStatusReport();
    report.sections = {
      ...report.sections,
      inProgress: [
        anIssueRef({ key: 'ACME-40', client: { shown: true, reason: 'epic-marked' } }),
        anIssueRef({ key: 'ACME-41', client: { shown: false, reason: 'not-marked' } }),
      ],
    };
    const page = textOfTestId(renderForTest(<ReportView report={report} />), 'report-in-progress');
    expect(page).toContain('Shown to the client: its epic has the client label');
    expect(page).toContain('Hidden from the client: no client label on it or its epic');
    expect(renderForTest(<ReportView report={aClientStatusReport()} />)).not.toContain('client-reason');
  });

  it('shows the client version without the computed status or data notes', () => {
    const client = renderForTest(<ReportView report={aClientStatusReport()} />);
    expect(client).toContain('data-audience="client"');
    expect(client).not.toContain('report-override');
    expect(client).not.toContain('report-data-quality');
    expect(client).not.toContain('computed');
    // Keys are plain text for the client: nothing links into Jira; no risk score is shown.
    expect(client).toContain('data-issue-key="ACME-12"');
    expect(client).not.toMatch(/<a\b|href=|\/browse\//u);
    expect(client).not.toContain('report-top-risks');
    expect(client).not.toMatch(/Score/u);
  });

  it('shows the client the dimensions its report lists, by colour with a plain sentence, and no internal figure', () => {
    const report = aClientStatusReport();
    const page = renderForTest(<ReportView report={report} />);
    const items = [...page.matchAll(/<li[^>]*data-testid="report-client-dimension"[^>]*data-dimension="([^"]+)"[\s\S]*?<\/li>/gu)];
    expect(items.map((m) => m[1])).toEqual(report.dimensions.map((d) => d.id));
    expect(report.dimensions.length).toBeGreaterThan(0);
    for (const [index, d] of report.dimensions.entries()) {
      const text = items[index]?.[0].replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ');
      expect(text).toContain(d.label);
      expect(text).toContain(d.why);
      expect(text).not.toMatch(/\d/u);
    }
    expect(textOfTestId(page, 'report-milestones-section')).toMatch(/\d+% done/u);
    expect(textOfTestId(page, 'report-milestones-section')).not.toMatch(/\d+ of \d+/u);
    // The internal view has no such list: its health is in the tiles above.
    expect(renderForTest(<ReportView report={aStatusReport()} />)).not.toContain('report-client-dimension');
  });

  it('tells the client why work is blocked when the blockers are internal, in Chinese too', () => {
    const report = aClientStatusReport();
    const [first] = report.sections.inProgress;
    if (first === undefined) throw new Error('the builder has work in progress');
    report.sections.blocked = [{ issue: first, blockedBy: [], hiddenBlockers: 1 }];
    expect(textOfTestId(renderForTest(<ReportView report={report} />), 'report-blocked-by')).toBe('Blocked by an internal task');
    const zh = renderForTest(<ReportView report={{ ...report, lang: 'zh-CN' }} />, { locale: 'zh-CN' });
    expect(textOfTestId(zh, 'report-blocked-by')).toBe('被一项内部任务阻塞');
  });

  it('says "Nothing to report." for an empty section', () => {
    const report = aStatusReport();
    report.sections = { ...report.sections, nextUp: [], milestones: [] };
    const empty = renderForTest(<ReportView report={report} />);
    expect(textOfTestId(empty, 'report-next-up')).toContain('Nothing to report.');
    expect(empty).not.toContain('report-milestones"');
  });

  it('shows the first ten of a long list, with a disclosure button for the rest', () => {
    const report = aStatusReport();
    report.sections = {
      ...report.sections,
      inProgress: Array.from({ length: 12 }, (_, index) => anIssueRef({ key: `ACME-${String(index + 100)}` })),
    };
    const section = partOf(renderForTest(<ReportView report={report} />), 'section', 'report-in-progress');
    expect(section.match(/data-testid="report-issue"/gu)).toHaveLength(10);
    expect(section).toMatch(
      /<button type="button" class="cf-button" aria-expanded="false" aria-controls="[^"]+" data-testid="show-all"[^>]*>Show all 12<\/button>/u,
    );
  });

  it('frames the report in Chinese with Chinese dates', () => {
    const zh = renderForTest(<ReportView report={aStatusReport()} />, { locale: 'zh_CN' });
    expect(zh).toContain('本期已完成');
    expect(zh).toContain('2025年3月31日');
    // One date format, and a slip in words: never 2025/3/1 nor +8天.
    expect(zh).toContain('2025年3月1日 – 2025年3月14日');
    expect(zh).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/u);
    expect(zh).toContain('晚 8 天');
    expect(zh).toContain('提前 5 天');
    expect(zh).not.toMatch(/[+-]\d+ ?天/u);
  });
});
