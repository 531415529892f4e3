import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifestLib from '@forge/manifest';
import { loadManifest, uiModules } from '../../local/runtime/manifest';
import { APP_MESSAGES } from '../../contract/i18n/app-messages';
import { ISSUE_SYSTEM_FIELDS } from '../../src/adapters/jira/to-issue';

const { validate, ProcessorBuilder, ValidationTypes } = manifestLib;
const manifestFile = path.resolve(import.meta.dirname, '../../manifest.yml');

/** Validation messages, so a failure prints what Forge's linter would say. */
const messages = (errors: { message: string; line?: number }[] | undefined) => (errors ?? []).map((e) => `${String(e.line)}: ${e.message}`);

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation with no errors (needs the built Custom UI)', async () => {
    const result = await validate(false, manifestFile);
    expect(messages(result.errors)).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('declares the scopes its product triggers need', async () => {
    const result = await ProcessorBuilder.instance().withValidation(ValidationTypes.PRODUCT_TRIGGER).build().process(manifestFile);
    expect(messages(result.errors)).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('asks issue events for the fields a read asks for, and not to come back for its own writes', () => {
    const trigger = loadManifest(manifestFile).modules.trigger.find((t) => t.key === 'issue-changed-trigger');
    expect(trigger?.filter?.ignoreSelf).toBe(true);
    expect([...(trigger?.payload?.include.fields ?? [])].sort()).toEqual([...ISSUE_SYSTEM_FIELDS].sort());
  });

  it('subscribes a trigger to issue links made and removed (Jira fires no issue event for them), not for its own', () => {
    const trigger = loadManifest(manifestFile).modules.trigger.find((t) => t.key === 'issue-link-changed-trigger');
    expect([...(trigger?.events ?? [])].sort()).toEqual(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']);
    expect(trigger?.filter?.ignoreSelf).toBe(true);
    expect(trigger?.function).toBe('issue-link-changed');
  });

  it('declares every module the app is built from, on nodejs22.x', () => {
    const manifest = loadManifest(manifestFile) as ReturnType<typeof loadManifest> & { app: { runtime: { name: string } } };
    const modules = manifest.modules;
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(modules['jira:projectPage'].map((m) => m.title)).toEqual([{ i18n: 'modules.projectPage.title' }]);
    expect(modules['jira:issueContext'].map((m) => m.title)).toEqual([{ i18n: 'modules.issueContext.title' }]);
    expect(modules.webtrigger).toHaveLength(1);
    expect(modules.scheduledTrigger.map((t) => t.interval)).toEqual(['day']);
    expect(modules.trigger[0]?.events.sort()).toEqual(['avi:jira:created:issue', 'avi:jira:deleted:issue', 'avi:jira:updated:issue']);
    expect(modules.consumer.map((c) => c.queue)).toEqual(['project-refresh']);
    const entityProperty = (manifest.modules as Record<string, unknown>)['jira:entityProperty'];
    expect(entityProperty).toMatchObject([
      { entityType: 'issue', values: [{ searchAlias: 'clientRiskLevel' }, { searchAlias: 'clientRiskScore' }] },
    ]);
  });

  it('names its modules in English and Chinese, as Jira shows them to the viewer (the app calls itself 客户跟进 too)', () => {
    const modules = uiModules(loadManifest(manifestFile), path.dirname(manifestFile));
    expect(modules.map((m) => [m.key, m.title, m.label])).toEqual([
      ['client-followup-project-page', { en: 'Client follow-up', 'zh-CN': '客户跟进' }, undefined],
      ['client-risk-context', { en: 'Client risk', 'zh-CN': '客户风险' }, { en: 'Client risk', 'zh-CN': '客户风险' }],
    ]);
    expect(modules[0]?.title).toEqual({ en: APP_MESSAGES.en['app.title'], 'zh-CN': APP_MESSAGES['zh-CN']['app.title'] });
  });
});
