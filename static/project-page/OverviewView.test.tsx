import { describe, expect, it } from 'vitest';
import type { ProjectOverview } from '../../contract';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { OverviewView } from './OverviewView';

function anOverview(overrides: Partial<ProjectOverview> = {}): ProjectOverview {
  return {
    project: { id: '10000', key: 'ACME', name: 'Acme website' },
    counts: { new: 1200, indeterminate: 3, done: 40, undefined: 0 },
    total: 1243,
    milestones: [
      { id: '1', name: 'Beta', releaseDate: '2025-03-31', overdue: true },
      { id: '2', name: 'Launch', releaseDate: '2025-06-01', overdue: false },
      { id: '3', name: 'Later', releaseDate: null, overdue: false },
    ],
    ...overrides,
  };
}

describe('OverviewView', () => {
  it('shows the project, the total and the counts by status category', () => {
    const html = renderForTest(<OverviewView overview={anOverview()} />);
    expect(html).toMatch(/<h2[^>]*>Acme website/u);
    expect(textOfTestId(html, 'overview-total')).toBe('1,243');
    expect(textOfTestId(html, 'count-new')).toBe('1,200');
    expect(textOfTestId(html, 'count-indeterminate')).toBe('3');
    expect(textOfTestId(html, 'count-done')).toBe('40');
    expect(html).toContain('To do');
    expect(html).toContain('In progress');
  });

  it('shows "No category" only when some issue has no status category', () => {
    expect(renderForTest(<OverviewView overview={anOverview()} />)).not.toContain('count-undefined');
    const html = renderForTest(<OverviewView overview={anOverview({ counts: { new: 0, indeterminate: 0, done: 0, undefined: 2 } })} />);
    expect(textOfTestId(html, 'count-undefined')).toBe('2');
    expect(html).toContain('No category');
  });

  it('lists unreleased milestones with a localised date and an Overdue lozenge only when overdue', () => {
    const html = renderForTest(<OverviewView overview={anOverview()} />);
    expect(html).toContain('data-testid="milestone-list"');
    expect(html.match(/data-testid="milestone"/gu)).toHaveLength(3);
    expect(html).toContain('<time dateTime="2025-03-31">Mar 31, 2025</time>');
    expect(html).toContain('No release date');
    expect(html.match(/Overdue/gu)).toHaveLength(1);
  });

  it('says so when there is no unreleased milestone', () => {
    const html = renderForTest(<OverviewView overview={anOverview({ milestones: [] })} />);
    expect(html).not.toContain('data-testid="milestone-list"');
    expect(textOfTestId(html, 'milestone-list-empty')).toBe('No unreleased milestones.');
  });

  it('renders in Simplified Chinese with Chinese dates', () => {
    const html = renderForTest(<OverviewView overview={anOverview()} />, { locale: 'zh-CN' });
    expect(html).toContain('待办');
    expect(html).toContain('未发布的里程碑');
    expect(html).toContain('2025年3月31日');
    expect(html).toContain('已逾期');
  });
});
