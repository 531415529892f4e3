import { describe, expect, it } from 'vitest';
import { aClientStatusReport, aStatusReport, anIssueRef } from '../../../test/support/status-report-builder';
import { renderReportHtml } from './render-report-html';

describe('renderReportHtml', () => {
  it('renders a self-contained page with every section', () => {
    const page = renderReportHtml(aStatusReport());
    expect(page.startsWith('<!doctype html>')).toBe(true);
    for (const text of [
      'Status report: Acme Customer Portal',
      'Overall health',
      'Health by dimension',
      'Milestone slip',
      '+4 days',
      'Completed this period',
      'In progress',
      'Next up',
      'Milestones',
      'Release 2',
      'Dec 11, 2026 (was Dec 4, 2026)',
      '12 of 20 issues · 30 of 55 points',
      'Flagged',
      'Blocked',
      'Blocked by ACME-9',
      'Top risks',
      'Waiting on the client',
      'Issue risks',
      'Overdue by 3 days',
      'Data to check in Jira',
      'ACME-11',
    ]) {
      expect(page).toContain(text);
    }
    expect(page).toContain('<html lang="en">');
  });

  it('writes the instant it was generated and the period for a reader, with the machine-readable instant kept', () => {
    const page = renderReportHtml(aStatusReport(), { timeZone: 'Europe/Paris' });
    expect(page).toContain('<time datetime="2026-11-27T09:00:00.000Z">Nov 27, 2026, 10:00 AM Europe/Paris</time>');
    expect(page).toContain('Period: Nov 20, 2026, 10:00 AM – Nov 27, 2026, 10:00 AM Europe/Paris');
    expect(page).toContain('<time datetime="2026-12-15">Dec 15, 2026</time>');
    const zh = renderReportHtml(aStatusReport({ lang: 'zh-CN' }));
    expect(zh).toContain('<time datetime="2026-11-27T09:00:00.000Z">2026年11月27日 09:00 UTC</time>');
  });

  it('writes RAG words as the catalogue does, never in capitals, and the wait on the client in words', () => {
    const page = renderReportHtml(aStatusReport());
    expect(page).not.toMatch(/text-transform:\s*uppercase/u);
    expect(page).toContain('<span class="rag rag-amber">Amber</span>');
    expect(page).toContain('Waiting 6 days, since Nov 21, 2026');
    const client = renderReportHtml({ ...aClientStatusReport(), lang: 'zh-CN' });
    expect(client).toContain('等待您的反馈');
    expect(client).toContain('自 2026年11月21日起已等待 6 天');
  });

  it('makes no external requests: no scripts, links, or remote URLs', () => {
    const page = renderReportHtml(aStatusReport());
    expect(page).not.toMatch(/<script|<link|<img|<iframe|src=|href=|@import|url\(/iu);
    expect(page).toContain("default-src 'none'");
  });

  it('escapes a malicious summary, project name and reason', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const report = aStatusReport({
      project: { id: '1', key: 'EV"IL', name: evil },
      issueRisks: [{ key: 'ACME-1', score: 50, level: 'medium', reasons: [evil], signals: [] }],
    });
    report.sections.inProgress = [anIssueRef({ summary: evil, assignee: evil })];
    report.overall.overrideReason = evil;
    const page = renderReportHtml(report);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('EV&quot;IL');
  });

  it('uses Chinese headings for zh-CN', () => {
    const page = renderReportHtml(aStatusReport({ lang: 'zh-CN' }));
    expect(page).toContain('<html lang="zh-CN">');
    for (const text of [
      '项目状态报告',
      '整体健康度',
      '各维度健康状况',
      '里程碑',
      '风险和阻塞',
      '等待客户',
      '需在 Jira 中检查的数据',
      '绿色',
    ])
      expect(page).toContain(text);
    expect(page).not.toContain('Overall health');
  });

  it('renders the client version without risks, data notes, grey dimensions or links', () => {
    const page = renderReportHtml(aClientStatusReport());
    for (const text of [
      'Status report: Acme Customer Portal',
      'Milestones',
      'Release 2',
      'Waiting on your input',
      'ACME-8 Sign off wireframes',
    ])
      expect(page.replace(/<[^>]+>/gu, '').replace(/\s+/gu, ' ')).toContain(text);
    for (const text of [
      'Data to check in Jira',
      'Issue risks',
      'Top risks',
      'Score',
      'ACME-11',
      'Satisfaction',
      'Not enough data',
      'href',
      '/browse/',
    ])
      expect(page).not.toContain(text);
  });

  it('shows the computed status next to an overriding reported one', () => {
    const report = aStatusReport();
    report.overall = { ...report.overall, computed: 'red', reported: 'amber', overrideReason: 'Client agreed new date.' };
    const page = renderReportHtml(report);
    expect(page).toMatch(/Reported: <span class="rag rag-amber">Amber<\/span>/u);
    expect(page).toMatch(/Computed: <span class="rag rag-red">Red<\/span>/u);
    expect(page).toContain('Reason given: Client agreed new date.');
  });

  it('lists only the highest issue risks and says so', () => {
    const issueRisks = Array.from({ length: 40 }, (_, i) => ({
      key: `ACME-${i + 1}`,
      score: 100 - i,
      level: 'low' as const,
      reasons: [],
      signals: [],
    }));
    const page = renderReportHtml(aStatusReport({ issueRisks }));
    expect(page).toContain('The 15 highest of 40 open issues.');
    expect(page).toContain('ACME-15<');
    expect(page).not.toContain('ACME-16<');
  });

  it('stacks its tables on a phone: every data cell names its column, in the report’s language', () => {
    for (const [lang, target] of [
      ['en', 'Target'],
      ['zh-CN', null],
    ] as const) {
      const page = renderReportHtml(aStatusReport({ lang }));
      const tables = [...page.matchAll(/<table[^>]*>[^]*?<\/table>/gu)].map((match) => match[0]);
      expect(tables.length).toBeGreaterThan(1);
      for (const table of tables) {
        expect(table).toMatch(/^<table class="stack">/u);
        expect(table.match(/<td(?![^>]*data-label="[^"]+")/gu) ?? []).toEqual([]);
      }
      if (target !== null) expect(page).toContain(`data-label="${target}"`);
      expect(page).toMatch(/@media screen and \(max-width: 40rem\)[^]*td\[data-label\]::before/u);
    }
  });
});

describe('renderReportHtml: the client sees no internal figure', () => {
  it('lists dimensions by colour with a plain sentence, progress as a percentage, and why internal-blocked work waits', () => {
    const report = aClientStatusReport();
    const [first] = report.sections.inProgress;
    if (first === undefined) throw new Error('the builder has work in progress');
    report.sections.blocked = [{ issue: first, blockedBy: [], hiddenBlockers: 1 }];
    const text = renderReportHtml(report)
      .replace(/<[^>]+>/gu, ' ')
      .replace(/\s+/gu, ' ');
    expect(text).toContain('Dimension Status Summary');
    expect(text).toMatch(/Schedule Amber Needs attention/u);
    expect(text).toMatch(/\d+% done/u);
    expect(text).not.toMatch(/\d+ of \d+ (issues|points)/u);
    expect(text).toContain('— Blocked by an internal task');
    const zh = renderReportHtml({ ...report, lang: 'zh-CN' })
      .replace(/<[^>]+>/gu, ' ')
      .replace(/\s+/gu, ' ');
    expect(zh).toContain('— 被一项内部任务阻塞');
    expect(zh).toMatch(/已完成 \d+%/u);
  });
});

describe('renderReportHtml: decisions and action items', () => {
  it('lists them for both audiences, escaped, overdue ones in bold', () => {
    const report = aStatusReport();
    report.sections.decisions = [{ text: '<b>Go</b> live', date: '2026-11-24', seriesTitle: 'Weekly sync' }];
    report.sections.actionItems = [
      {
        text: 'Send logo',
        ownerSide: 'client',
        ownerName: 'Ana',
        due: '2026-11-25',
        status: 'open',
        jiraIssueKey: 'ACME-12',
        overdue: true,
      },
    ];
    const page = renderReportHtml(report);
    expect(page).toContain('<h2 id="decisions">Decisions</h2>');
    expect(page).toContain('&lt;b&gt;Go&lt;/b&gt; live <span class="muted">— Weekly sync, Nov 24, 2026</span>');
    expect(page).toContain('<strong>Send logo</strong> <span class="muted">— Client: Ana · Due Nov 25, 2026 · Overdue · ACME-12</span>');

    const client = aClientStatusReport({ lang: 'zh-CN' });
    client.sections.actionItems = [
      { text: 'Send logo', ownerSide: 'internal', ownerName: '', due: null, status: 'dropped', overdue: false },
    ];
    const zh = renderReportHtml(client);
    expect(zh).toContain('<h2 id="action-items">行动项</h2>');
    expect(zh).toContain('Send logo <span class="muted">— 团队 · 已取消</span>');
    expect(zh).toMatch(/<h2 id="decisions">决定事项<\/h2>\s*<p class="muted">没有需要报告的内容。<\/p>/u);
  });

  it('given a stored report that kept the first ones, ends each list with how many more there are', () => {
    const report = aStatusReport();
    report.sections.decisions = [{ text: 'Go live', date: '2026-11-24', seriesTitle: 'Weekly sync' }];
    report.sections.actionItems = [
      { text: 'Send logo', ownerSide: 'client', ownerName: 'Ana', due: null, status: 'open', jiraIssueKey: null, overdue: false },
    ];
    report.sections.totals = {
      completed: 0,
      inProgress: 0,
      nextUp: 0,
      waitingOnClient: 0,
      flagged: 0,
      blocked: 0,
      topRisks: 0,
      decisions: 4,
      actionItems: 1,
    };
    const page = renderReportHtml(report);
    expect(page).toContain('<li class="muted" data-more="3">…and 3 more</li>');
    expect(page.match(/data-more=/gu)).toHaveLength(1);
  });
});
