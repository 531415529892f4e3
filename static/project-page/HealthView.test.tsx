import { describe, expect, it } from 'vitest';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { aDimension, aMeasure, aStatusReport } from '../testing/status-report-builder';
import { HealthView } from './HealthView';

/** The markup of one dimension tile. */
function tileHtml(html: string, key: string): string {
  // A tile runs to the next tile or the end of the list (it holds a list of its own).
  const match = new RegExp(`<li[^>]*data-testid="health-tile-${key}"[\\s\\S]*?(?=<li[^>]*data-testid="health-tile-|</ul>$)`, 'u').exec(
    html,
  );
  if (!match) throw new Error(`no tile ${key}`);
  return match[0];
}

describe('HealthView', () => {
  it('shows the overall reported status with its word, and the computed one when it differs', () => {
    const html = renderForTest(<HealthView report={aStatusReport()} />);
    expect(textOfTestId(html, 'overall-rag')).toBe('Amber');
    expect(textOfTestId(html, 'overall-override')).toBe(
      'Reported amber — computed red · Reason given: The client agreed to move Beta by a week.',
    );
  });

  it('shows no override line when computed and reported agree', () => {
    const report = aStatusReport();
    report.overall = { ...report.overall, computed: 'amber', overrideReason: null };
    expect(renderForTest(<HealthView report={report} />)).not.toContain('overall-override');
  });

  it('draws six tiles, each with its RAG in words and token colours', () => {
    const html = renderForTest(<HealthView report={aStatusReport()} />);
    expect(html.match(/data-testid="health-tile-/gu)).toHaveLength(6);
    const schedule = tileHtml(html, 'schedule');
    expect(schedule).toContain('data-rag="red"');
    expect(textOfTestId(schedule, 'health-rag')).toBe('Red');
    expect(schedule).toContain('var(--ds-background-danger-bold');
    expect(textOfTestId(schedule, 'health-measure')).toBe('+8 days');
    expect(textOfTestId(schedule, 'health-why')).toBe('Beta is forecast 8 days after its target.');
    expect(textOfTestId(schedule, 'health-sustained')).toContain('Sustained');
    expect(textOfTestId(tileHtml(html, 'scope'), 'health-rag')).toBe('Amber');
    expect(textOfTestId(tileHtml(html, 'quality'), 'health-rag')).toBe('Green');
    expect(textOfTestId(tileHtml(html, 'cost'), 'health-rag')).toBe('Not enough data');
    expect(tileHtml(html, 'scope')).not.toContain('health-sustained');
  });

  it('links several evidence issues to a Jira search, and one to the issue itself', () => {
    const html = renderForTest(<HealthView report={aStatusReport()} />);
    const schedule = tileHtml(html, 'schedule');
    expect(textOfTestId(schedule, 'evidence-link')).toBe('View 2 issues in Jira');
    expect(schedule).toContain(`href="https://acme.example/issues/?jql=${encodeURIComponent('key in (ACME-12, ACME-15)')}"`);
    const scope = tileHtml(html, 'scope');
    expect(textOfTestId(scope, 'evidence-link')).toBe('View ACME-30 in Jira');
    expect(scope).toContain('href="https://acme.example/browse/ACME-30"');
    expect(tileHtml(html, 'quality')).not.toContain('evidence-link');
  });

  it("links each measure to its own evidence: the measure's JQL and its full count, never another measure's issues", () => {
    const report = aStatusReport();
    const overdueKeys = Array.from({ length: 50 }, (_, i) => `ACME-${String(i + 100)}`);
    const overdueJql = 'project = "ACME" AND duedate < "2026-11-27" AND statusCategory != Done';
    report.dimensions.schedule = aDimension({
      label: 'Schedule',
      rag: 'red',
      measures: [
        aMeasure({
          id: 'slipDays',
          label: 'Next milestone against target',
          display: '8 days late',
          rag: 'amber',
          evidence: ['ACME-1', 'ACME-2'],
        }),
        aMeasure({
          id: 'overdueShare',
          label: 'Overdue issues',
          display: '29.4%',
          rag: 'red',
          evidence: overdueKeys,
          evidenceCount: 64,
          evidenceJql: overdueJql,
        }),
      ],
      evidence: overdueKeys,
      evidenceCount: 64,
      evidenceJql: overdueJql,
    });
    const schedule = tileHtml(renderForTest(<HealthView report={report} />), 'schedule');
    // The deciding measure (red: overdue) says 64 and opens its JQL, which finds those 64.
    expect(textOfTestId(schedule, 'health-measure')).toBe('29.4%');
    const links = [...schedule.matchAll(/<a [^>]*href="([^"]*)"[^>]*data-testid="evidence-link"[^>]*>([^<]*)</gu)].map((m) => [
      decodeURIComponent(m[1]?.replace('https://acme.example/issues/?jql=', '') ?? '').replaceAll('&quot;', '"'),
      m[2],
    ]);
    expect(links).toEqual([
      [overdueJql, 'View the 64 overdue issues in Jira'],
      ['key in (ACME-1, ACME-2)', 'View 2 issues in Jira'],
    ]);
  });

  it('says when a dimension is turned off instead of giving it a colour', () => {
    const report = aStatusReport();
    report.dimensions.cost = aDimension({ label: 'Cost', enabled: false, rag: 'grey' });
    const cost = tileHtml(renderForTest(<HealthView report={report} />), 'cost');
    expect(cost).toContain('data-rag="off"');
    expect(cost).toContain('Turned off');
    expect(cost).not.toContain('health-rag');
  });

  it('frames the report in Simplified Chinese', () => {
    const html = renderForTest(<HealthView report={aStatusReport()} />, { locale: 'zh-CN' });
    expect(textOfTestId(html, 'overall-override')).toContain('上报为黄色 — 计算为红色');
    expect(html).toContain('在 Jira 中查看 2 个事务');
    expect(html).toContain('持续');
  });

  it('opens with the headline, and shows every measure of a tile: the deciding one large, the others with their value and why', () => {
    const html = renderForTest(<HealthView report={aStatusReport()} />);
    expect(textOfTestId(html, 'health-headline')).toBe('Beta is forecast 8 days late; checkout is blocked on the payment provider.');
    const schedule = tileHtml(html, 'schedule');
    expect(textOfTestId(schedule, 'health-measure')).toBe('+8 days');
    const other = /<li[^>]*data-measure="schedule.overdue"[^]*?<\/li>/u.exec(schedule)?.[0] ?? '';
    expect(other.replace(/<[^>]+>/gu, '')).toBe(
      '12 %Overdue shareAmber3 of 25 open issues with a due date are past due.View 3 issues in Jira',
    );
    expect(schedule).toContain('aria-label="All measures of Schedule"');
  });
});
