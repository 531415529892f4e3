import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError, loadDataset, type DatasetErrorCode } from './dataset';

const dir = mkdtempSync(join(tmpdir(), 'dataset-test-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const minimal = {
  project: { id: 10000, key: 'ACME', name: 'Acme' },
  issues: [{ id: '1', key: 'ACME-1', fields: { summary: 'x', extra: { any: 1 } }, unknownTopLevel: true }],
  recordedAt: 'today',
};

describe('loadDataset', () => {
  it('loads a minimal dataset, keeps unknown keys and normalizes ids to strings', () => {
    const dataset = loadDataset(file('ok.json', JSON.stringify(minimal)));
    expect(dataset.project.id).toBe('10000');
    expect(dataset.issues[0]?.['unknownTopLevel']).toBe(true);
    expect(dataset['recordedAt']).toBe('today');
  });

  const cases: [string, string | null, DatasetErrorCode][] = [
    ['missing.json', null, 'NOT_FOUND'],
    ['bad.json', '{ "project": ', 'MALFORMED_JSON'],
    ['noproject.json', JSON.stringify({ issues: [] }), 'MISSING_PROJECT'],
    ['noissues.json', JSON.stringify({ project: minimal.project }), 'MISSING_ISSUES'],
    ['array.json', '[]', 'INVALID'],
    ['badissue.json', JSON.stringify({ project: minimal.project, issues: [{ id: '1', fields: {} }] }), 'INVALID'],
  ];
  it.each(cases)('%s -> %s', (name, content, code) => {
    const path = content === null ? join(dir, name) : file(name, content);
    let caught: unknown;
    try {
      loadDataset(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetError);
    expect((caught as DatasetError).code).toBe(code);
    expect((caught as DatasetError).message).toContain(name);
  });
});
