import { describe, expect, it } from 'vitest';
import type { AccessLogEntryJson } from '../../../contract/share';
import { coalesced } from './page-reuse';

const entry = (overrides: Partial<AccessLogEntryJson> = {}): AccessLogEntryJson => ({
  id: `e-${Math.random().toString(36).slice(2)}`,
  linkId: 'l234567890123456',
  at: '2026-03-10T12:00:00.100Z',
  kind: 'view',
  outcome: 'ok',
  detail: null,
  agent: { browser: 'chrome', os: 'windows' },
  ...overrides,
});

describe('coalesced access log entries', () => {
  it('are one entry per link, kind, outcome, detail, agent and second, counting what they stand for', () => {
    const first = entry();
    const out = coalesced([
      first,
      entry({ at: '2026-03-10T12:00:00.900Z' }),
      entry({ count: 4 }),
      entry({ at: '2026-03-10T12:00:01.000Z' }),
      entry({ agent: { browser: 'safari', os: 'ios' } }),
      entry({ detail: 'json' }),
      entry({ outcome: 'refused' }),
      entry({ kind: 'feedback' }),
      entry({ linkId: 'm234567890123456' }),
    ]);
    expect(out).toHaveLength(7);
    expect(out[0]).toEqual({ ...first, count: 6 });
    expect(out.slice(1).every((e) => e.count === undefined)).toBe(true);
    expect(first.count).toBeUndefined();
  });

  it('leave a lone entry as it is', () => {
    const lone = entry();
    expect(coalesced([lone])).toEqual([lone]);
    expect(coalesced([])).toEqual([]);
  });
});
