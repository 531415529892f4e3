import { describe, expect, it } from 'vitest';
import { REPORT_MESSAGES } from '../../../contract/i18n/report-messages';
import { aClientStatusReport, aStatusReport, anIssueRef } from '../../../test/support/status-report-builder';
import { escapeMarkdown, escapeMarkdownLines, renderReportMarkdown, renderReportText } from './render-report-markdown';

const HOSTILE = '<img src=x onerror=alert(1)>';
const [MILESTONE] = aStatusReport().sections.milestones;
const [MEASURE] = aStatusReport().dimensions.quality.measures;
if (MILESTONE === undefined || MEASURE === undefined) throw new Error('the builder has a milestone and a quality measure');

describe('renderReportMarkdown', () => {
  it('renders every section with its title from the catalogue', () => {
    const text = renderReportMarkdown(aStatusReport());
    expect(text.startsWith('# Status report: Acme Customer Portal (ACME)\n')).toBe(true);
    const t = REPORT_MESSAGES.en;
    for (const heading of [
      `## ${t['report.overall']}`,
      `## ${t['report.dimensions']}`,
      `## ${t['report.completed']}`,
      `## ${t['report.inProgress']}`,
      `## ${t['report.nextUp']}`,
      `## ${t['report.milestones']}`,
      `## ${t['report.risks']}`,
      `### ${t['report.flagged']}`,
      `### ${t['report.blocked']}`,
      `### ${t['report.topRisks']}`,
      `## ${t['report.waitingOnClient']}`,
      `## ${t['report.issueRisks']}`,
      `## ${t['report.dataQuality']}`,
    ]) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(text).toContain('| Schedule | Amber, Sustained | Milestone slip: +4 days (Amber) |');
    expect(text).toContain('| Satisfaction | Not enough data | — | No ratings yet. | — |');
    expect(text).toContain(
      '| Release 2 | Amber | Dec 11, 2026 (was Dec 4, 2026) | Dec 15, 2026 | 4 days late | 12 of 20 issues · 30 of 55 points |',
    );
    expect(text).toContain('- **ACME-6** Go-live checklist (In Progress · Due Dec 4, 2026 · Ana Souza) — Blocked by ACME-9');
    expect(text).toContain('| ACME-7 | 62 | High risk | Overdue by 3 days; Blocked by ACME-9 |');
  });

  it('says how long each issue has waited on the client, in both languages', () => {
    expect(renderReportMarkdown(aStatusReport())).toMatch(
      /- \*\*ACME-8\*\* Sign off wireframes \(.*\) — Waiting 6 days, since Nov 21, 2026\n/u,
    );
    expect(renderReportMarkdown(aStatusReport({ lang: 'zh-CN' }))).toMatch(/- \*\*ACME-8\*\* .* — 自 2026年11月21日起已等待 6 天\n/u);
    const estimated = aStatusReport();
    estimated.sections.waitingOnClient = estimated.sections.waitingOnClient.map((w) => ({ ...w, wait: { ...w.wait, estimated: true } }));
    expect(renderReportMarkdown(estimated)).toMatch(/ — Waiting at least 6 days\n/u);
  });

  it('writes every date and instant for a reader, never as an ISO string', () => {
    const en = renderReportMarkdown(aStatusReport());
    expect(en).toContain(
      'Generated: Nov 27, 2026, 9:00 AM UTC · Period: Nov 20, 2026, 9:00 AM – Nov 27, 2026, 9:00 AM UTC · Report audience: Internal',
    );
    const zh = renderReportMarkdown(aStatusReport({ lang: 'zh-CN' }));
    expect(zh).toContain('生成时间：2026年11月27日 09:00 UTC · 报告期：2026年11月20日 09:00 – 2026年11月27日 09:00 UTC');
    expect(zh).toContain('2026年12月11日');
    for (const text of [en, zh]) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/u);
  });

  it('shows instants in the project’s time zone when given one, and names it', () => {
    const text = renderReportMarkdown(aStatusReport(), { timeZone: 'Asia/Shanghai' });
    expect(text).toContain(
      'Generated: Nov 27, 2026, 5:00 PM Asia/Shanghai · Period: Nov 20, 2026, 5:00 PM – Nov 27, 2026, 5:00 PM Asia/Shanghai',
    );
    // Calendar days are days wherever the reader is.
    expect(text).toContain('Dec 11, 2026 (was Dec 4, 2026)');
    expect(renderReportMarkdown(aStatusReport(), { timeZone: 'Mars/Olympus' })).toContain('Generated: Nov 27, 2026, 9:00 AM UTC');
  });

  it('uses the Chinese catalogue for zh-CN', () => {
    const text = renderReportMarkdown(aStatusReport({ lang: 'zh-CN' }));
    const t = REPORT_MESSAGES['zh-CN'];
    for (const heading of [
      '# 项目状态报告',
      `## ${t['report.overall']}`,
      `## ${t['report.milestones']}`,
      `## ${t['report.waitingOnClient']}`,
    ])
      expect(text).toContain(heading);
    expect(text).toContain('| 里程碑 | 状态 |');
    expect(text).toContain('12 / 20 个事务');
    expect(text).not.toContain('Overall health');
  });

  it('escapes Jira text so it cannot add links, emphasis or table cells', () => {
    const report = aStatusReport();
    report.sections.inProgress = [anIssueRef({ summary: '[click](http://evil) <b>x</b> a|b\nnext' })];
    const text = renderReportMarkdown(report);
    expect(text).toContain('\\[click\\](http://evil) &lt;b>x&lt;/b> a\\|b next');
    expect(escapeMarkdown('*bold* _it_ `code` # ! ~')).toBe('\\*bold\\* \\_it\\_ \\`code\\` # ! \\~');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('![img](x)')).toBe('!\\[img\\](x)');
  });

  it('pastes cleanly: no HTML entity where no tag or entity could open, snake_case and R&D as written', () => {
    expect(escapeMarkdown('Tom & Jerry <3, a < b, R&D')).toBe('Tom & Jerry <3, a < b, R&D');
    expect(escapeMarkdown('snake_case and _it_')).toBe('snake_case and \\_it\\_');
    expect(escapeMarkdown('<b> </b> <!-- c --> <?x')).toBe('&lt;b> &lt;/b> &lt;!-- c --> &lt;?x');
    expect(escapeMarkdown('&amp; &#60; &x')).toBe('&amp;amp; &amp;#60; &x');
  });

  it('keeps the PM’s line breaks in a narrative: list lines stay a list, other lines break', () => {
    expect(escapeMarkdownLines('- one\n- two *b*\n1. three')).toBe('- one\n- two \\*b\\*\n1. three');
    expect(escapeMarkdownLines('Dear all,\nthe plan <b>\n# not a heading\n---')).toBe(
      'Dear all,\\\nthe plan &lt;b>\\\n\\# not a heading\\\n\\---',
    );
    const report = aStatusReport();
    const text = renderReportMarkdown({ ...report, narrative: { source: 'pm', text: 'Done:\n- one\n- two\n\nNext week.', sentences: [] } });
    expect(text).toContain('Done:\n- one\n- two\n\nNext week.');
  });

  it('writes plain text with nothing escaped (an e-mail’s text/plain part)', () => {
    const report = aStatusReport();
    report.sections.inProgress = [anIssueRef({ summary: 'R&D <team> *bold* [x]' })];
    const text = renderReportText(
      { ...report, narrative: { source: 'pm', text: 'R&D <team> *bold* [x]\n- one\n- two', sentences: [] } },
      { issueUrl: (key) => `https://acme.example/browse/${key}` },
    );
    expect(text).toContain(' R&D <team> *bold* [x] (');
    expect(text).toContain('R&D <team> *bold* [x]\n- one\n- two');
    expect(text).not.toContain('&amp;');
    expect(text).not.toContain('\\*');
    expect(text).not.toContain('](https://');
    // The Markdown rendering is unchanged by a plain one before it.
    expect(renderReportMarkdown(report)).toContain('R&D &lt;team> \\*bold\\* \\[x\\]');
  });

  it('leaves no tag to run when the Markdown is pasted into a tool that takes it as HTML', () => {
    const report = aStatusReport({
      project: { id: '1', key: 'EV<IL>', name: HOSTILE },
      issueRisks: [{ key: 'ACME-1', score: 50, level: 'medium', reasons: [HOSTILE], signals: [] }],
    });
    report.overall.headline = HOSTILE;
    report.overall.overrideReason = `${HOSTILE}\n<script>alert(2)</script>`;
    report.sections.inProgress = [
      anIssueRef({ summary: HOSTILE, assignee: '<svg onload=alert(3)>', status: { name: HOSTILE, category: 'new' } }),
    ];
    report.sections.completed = [{ epic: { key: 'ACME-100', summary: HOSTILE }, issues: [anIssueRef({ summary: HOSTILE })] }];
    report.sections.milestones = [{ ...MILESTONE, name: HOSTILE }];
    report.dimensions.scope = { ...report.dimensions.scope, label: HOSTILE, why: HOSTILE };
    report.dataQuality = [{ code: 'resolvedNotDone', issueKey: 'ACME-11', message: HOSTILE, params: {} }];
    const text = renderReportMarkdown(report);
    // No "<" that could open a tag reaches the output: each is an entity, so no tag can open.
    expect(text).not.toMatch(/<[\p{L}/!?]/u);
    expect(text).toContain('&lt;img src=x onerror=alert(1)>');
    expect(text).toContain('&lt;script>alert(2)&lt;/script>');
    expect(text).toContain('&lt;svg onload=alert(3)>');
  });

  it('keeps each table row on one line, with no raw <br> in a cell', () => {
    const report = aStatusReport();
    report.dimensions.quality = {
      ...report.dimensions.quality,
      why: 'line one\nline two',
      measures: [
        { ...MEASURE, label: 'First' },
        { ...MEASURE, label: 'Second' },
      ],
    };
    const text = renderReportMarkdown(report);
    expect(text).not.toMatch(/<br/iu);
    expect(text).toContain('| Quality | Green | First: 1 (Green); Second: 1 (Green) | line one line two | — |');
  });

  it('counts "+N more" evidence from the issues behind the measure, not the keys the report kept', () => {
    const report = aStatusReport();
    const keys = Array.from({ length: 50 }, (_, i) => `ACME-${i + 1}`);
    report.dimensions.quality = { ...report.dimensions.quality, evidence: keys, evidenceCount: 120 };
    expect(renderReportMarkdown(report)).toContain('ACME-1, ACME-2, ACME-3, ACME-4, ACME-5, ACME-6, ACME-7, ACME-8 +112 more |');
  });

  it('says under the milestones how each was forecast, in the report language', () => {
    const report = aStatusReport();
    const forecast = {
      method: 'monte-carlo' as const,
      outcome: 'forecast' as const,
      unit: 'issues' as const,
      p50: '2026-04-01',
      p85: '2026-04-08',
      trials: 5000,
      seed: 1,
      weeklySamples: [2, 3, 1],
      historyWeeks: 3,
      minHistoryWeeks: 3,
      remaining: 6,
      remainingAhead: 4,
    };
    report.sections.milestones = [{ ...MILESTONE, name: 'R1', forecast }];
    expect(renderReportMarkdown(report)).toContain(
      '- R1: 50% likely by Apr 1, 2026, 85% likely by Apr 8, 2026. Monte Carlo, 5,000 trials drawn from the last 3 weeks completed (2, 3, 1 issues a week, oldest first). 6 issues left in this milestone, after 4 issues left in earlier milestones.',
    );
    expect(renderReportMarkdown({ ...report, lang: 'zh-CN' })).toContain(
      '50% 把握在 2026年4月1日 前完成，85% 把握在 2026年4月8日 前完成。蒙特卡洛模拟 5,000 次',
    );
  });

  it('the client version has no risks, data notes, grey dimensions or links, and says so for empty lists', () => {
    const report = aClientStatusReport();
    report.sections.waitingOnClient = [];
    const text = renderReportMarkdown(report);
    expect(text).not.toContain(REPORT_MESSAGES.en['report.dataQuality']);
    expect(text).not.toContain(REPORT_MESSAGES.en['report.issueRisks']);
    expect(text).not.toContain(REPORT_MESSAGES.en['report.topRisks']);
    expect(text).not.toMatch(/Satisfaction|Not enough data|score|\]\(|http/iu);
    // The client reads the section as what waits on them.
    expect(text).not.toContain(REPORT_MESSAGES.en['report.waitingOnClient']);
    expect(text).toContain(`## ${REPORT_MESSAGES.en['report.waitingOnYou']}\n\n${REPORT_MESSAGES.en['report.empty']}`);
    expect(text).toContain('- **ACME-6** Go-live checklist');
  });
});

describe('renderReportMarkdown: the client sees no internal figure', () => {
  const blocked = (hiddenBlockers: number, blockedBy: string[] = []) => {
    const report = aClientStatusReport();
    const [first] = report.sections.inProgress;
    if (first === undefined) throw new Error('the builder has work in progress');
    report.sections.blocked = [{ issue: first, blockedBy, hiddenBlockers }];
    return report;
  };

  it('gives the reason when every blocker is internal, in both languages', () => {
    expect(renderReportMarkdown(blocked(1))).toMatch(/ — Blocked by an internal task\n/u);
    expect(renderReportMarkdown({ ...blocked(1), lang: 'zh-CN' })).toMatch(/ — 被一项内部任务阻塞\n/u);
    expect(renderReportMarkdown(blocked(2, ['ACME-6']))).toMatch(/ — Blocked by ACME-6 and 2 internal tasks\n/u);
    expect(renderReportMarkdown({ ...blocked(1, ['ACME-6']), lang: 'zh-CN' })).toMatch(/ — 被 ACME-6、一项内部任务阻塞\n/u);
  });

  it('lists dimensions by colour with a plain sentence, and milestone progress as a percentage', () => {
    const report = aClientStatusReport();
    const text = renderReportMarkdown(report);
    expect(text).toContain('| Dimension | Status | Summary |');
    for (const d of report.dimensions)
      expect(text).toMatch(new RegExp(`\\n\\| ${d.label} \\| [A-Za-z]+ \\| (On track|Needs attention|At risk) \\|\\n`, 'u'));
    expect(text).toMatch(/\| \d+% done \|/u);
    expect(text).not.toMatch(/\d+ of \d+ (issues|points)/u);
    expect(renderReportMarkdown({ ...report, lang: 'zh-CN' })).toMatch(/\| 已完成 \d+% \|/u);
  });
});

describe('renderReportMarkdown: Chinese punctuation', () => {
  it('joins pieces with full-width brackets and semicolons in Chinese, ASCII in English', () => {
    const zh = renderReportMarkdown(aStatusReport({ lang: 'zh-CN' }));
    expect(zh).toMatch(/（(红色|黄色|绿色|数据不足)）/u);
    expect(zh).not.toMatch(/ \((红色|黄色|绿色|数据不足)\)/u);
    expect(zh).not.toMatch(/[\u4e00-\u9fff]\)?; [\u4e00-\u9fff]/u);
    expect(zh).toMatch(/^# 项目状态报告：.*（ACME）$/mu);
    const en = renderReportMarkdown(aStatusReport());
    expect(en).toMatch(/^# Status report: .* \(ACME\)$/mu);
    expect(en).toMatch(/ \((Red|Amber|Green|Not enough data)\)/u);
  });
});

describe('renderReportMarkdown: decisions and action items', () => {
  const withMinutes = (lang: 'en' | 'zh-CN' = 'en') => {
    const report = aStatusReport({ lang });
    report.sections.decisions = [
      { text: 'Go live on *Monday*', date: '2026-11-24', seriesTitle: 'Weekly sync' },
      { text: 'Drop SSO', date: '2026-11-25', seriesTitle: null },
    ];
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
      { text: 'Book room', ownerSide: 'internal', ownerName: '', due: null, status: 'done', jiraIssueKey: null, overdue: false },
    ];
    return report;
  };

  it('lists decisions with their touchpoint and action items with owner, due day, status and Jira issue', () => {
    const text = renderReportMarkdown(withMinutes());
    expect(text).toContain(
      '\n## Decisions\n\n- Go live on \\*Monday\\* — Weekly sync, Nov 24, 2026\n- Drop SSO — Ad-hoc touchpoint, Nov 25, 2026\n',
    );
    expect(text).toContain(
      '\n## Action items\n\n- **Send logo** — Client: Ana · Due Nov 25, 2026 · Overdue · ACME-12\n- Book room — Team · Done\n',
    );
  });

  it('says so in Chinese, and when there is nothing', () => {
    const zh = renderReportMarkdown(withMinutes('zh-CN'));
    expect(zh).toContain('\n## 决定事项\n\n- Go live on \\*Monday\\* — Weekly sync，2026年11月24日\n');
    expect(zh).toContain('- **Send logo** — 客户：Ana · 到期日 2026年11月25日 · 已逾期 · ACME-12\n');
    const empty = renderReportMarkdown(aStatusReport());
    expect(empty).toContain('\n## Decisions\n\nNothing to report.\n');
    expect(empty).toContain('\n## Action items\n\nNothing to report.\n');
  });

  it('given a stored report that kept the first ones, says how many more there are, in both languages', () => {
    const report = withMinutes();
    report.sections.totals = {
      completed: 0,
      inProgress: 0,
      nextUp: 0,
      waitingOnClient: 0,
      flagged: 0,
      blocked: 0,
      topRisks: 0,
      decisions: 2,
      actionItems: 32,
    };
    const text = renderReportMarkdown(report);
    expect(text).toContain('- Drop SSO — Ad-hoc touchpoint, Nov 25, 2026\n\n## Action items');
    expect(text).toContain('- Book room — Team · Done\n- …and 30 more\n');
    const zh = withMinutes('zh-CN');
    zh.sections.totals = { ...report.sections.totals, decisions: 27 };
    const zhText = renderReportMarkdown(zh);
    expect(zhText).toContain('- ……另有 25 项\n\n## 行动项');
    expect(zhText).toContain('- ……另有 30 项\n');
  });

  it('renders the client’s too', () => {
    const report = aClientStatusReport();
    report.sections.decisions = [{ text: 'Go live', date: '2026-11-24', seriesTitle: 'Weekly sync' }];
    report.sections.actionItems = [{ text: 'Send logo', ownerSide: 'client', ownerName: 'Ana', due: null, status: 'open', overdue: false }];
    const text = renderReportMarkdown(report);
    expect(text).toContain('\n## Decisions\n\n- Go live — Weekly sync, Nov 24, 2026\n');
    expect(text).toContain('\n## Action items\n\n- Send logo — Client: Ana · Open\n');
  });
});
