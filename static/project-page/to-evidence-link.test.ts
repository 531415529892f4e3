import { describe, expect, it } from 'vitest';
import { toEvidenceLink } from './to-evidence-link';

describe('toEvidenceLink', () => {
  it('is null without evidence', () => {
    expect(toEvidenceLink([])).toBeNull();
  });

  it('keeps the report order and drops repeats', () => {
    expect(toEvidenceLink(['A-3', 'A-1', 'A-3'])).toEqual({ keys: ['A-3', 'A-1'], total: 2 });
  });

  it('caps the keys a search opens but still counts them all', () => {
    expect(toEvidenceLink(['A-1', 'A-2', 'A-3', 'A-2'], 2)).toEqual({ keys: ['A-1', 'A-2'], total: 3 });
  });
});
