import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, type SettingsView } from '../../../contract';
import { renderForTest, textOfTestId } from '../../shared/render-for-test';
import { createFakeSettingsHost } from '../../testing/fake-settings-host';
import { ProjectDataPanel } from './ProjectDataPanel';
import { SettingsEditor } from './SettingsEditor';
import { SettingsHostProvider } from './SettingsHostProvider';
import { SettingsSection } from './SettingsSection';

const aView = (canEdit: boolean): SettingsView => ({ settings: DEFAULT_PROJECT_SETTINGS, revision: 0, canEdit });
const withHost = (ui: React.ReactNode) => <SettingsHostProvider host={createFakeSettingsHost()}>{ui}</SettingsHostProvider>;

describe('SettingsSection', () => {
  it('names the section and announces that the settings are loading', () => {
    const html = renderForTest(withHost(<SettingsSection />));
    expect(html).toMatch(/<h2 id="cf-settings-heading">Project settings<\/h2>/u);
    expect(html).toContain('role="status" aria-label="Loading project settings"');
  });

  it('in Chinese', () => {
    const html = renderForTest(withHost(<SettingsSection />), { locale: 'zh-CN' });
    expect(html).toContain('>项目设置</h2>');
    expect(html).toContain('aria-label="正在加载项目设置"');
  });
});

describe('SettingsEditor', () => {
  it('offers a project admin the project’s data', () => {
    const html = renderForTest(withHost(<SettingsEditor view={aView(true)} project={{ id: '10000', key: 'ACME' }} />));
    expect(html).toContain('data-testid="project-data"');
    expect(html).toContain('data-testid="settings-save"');
  });

  it('offers someone who may not edit no data actions and no save', () => {
    const html = renderForTest(withHost(<SettingsEditor view={aView(false)} project={{ id: '10000', key: 'ACME' }} />));
    expect(html).not.toContain('data-testid="project-data"');
    expect(html).not.toContain('data-testid="export-data"');
    expect(html).not.toContain('data-testid="settings-save"');
    expect(html).toContain('data-testid="settings-read-only"');
  });
});

describe('ProjectDataPanel', () => {
  it('explains export and delete next to their buttons', () => {
    const html = renderForTest(withHost(<ProjectDataPanel projectKey="ACME" onDeleted={() => undefined} />));
    expect(textOfTestId(html, 'export-data')).toBe('Export project data');
    expect(textOfTestId(html, 'delete-data')).toBe('Delete all app data');
    expect(html).toMatch(/<button[^>]*aria-describedby="cf-data-delete-hint"[^>]*data-testid="delete-data"/u);
    expect(html).toContain('This can’t be undone.');
    expect(html).not.toContain('data-testid="delete-confirm"');
  });
});
