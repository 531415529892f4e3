import { describe, expect, it } from 'vitest';
import { toExportFileName } from './export-file-name';

describe('toExportFileName', () => {
  it('names the file after the project key and the export day', () => {
    expect(toExportFileName('ACME', '2026-11-27T09:00:00.000Z')).toBe('client-followup-ACME-2026-11-27.json');
  });

  it('never lets a key or a date escape the name', () => {
    expect(toExportFileName('../AC/ME', 'soon')).toBe('client-followup-ACME-export.json');
  });
});
