import { describe, expect, it } from 'vitest';
import type { ClientIssueRefJson, ClientReportDataJson } from '../../../contract/client-report';
import { renderClientReport } from '../../../contract/i18n/render-client-report';
import { reportDraftSchema } from '../../../contract/reports';
import { applyClientTexts, toClientLines } from './apply-client-texts';

const ref = (key: string, summary: string): ClientIssueRefJson => ({
  key,
  summary,
  status: { name: 'In Progress', category: 'indeterminate' },
  type: 'Story',
  priority: null,
  due: null,
  assignee: null,
  epicKey: null,
});

function aClientData(): ClientReportDataJson {
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-27T09:00:00.000Z',
    audience: 'client',
    project: { id: '10000', key: 'ACME', name: 'Acme' },
    period: { start: '2026-11-20T09:00:00.000Z', end: '2026-11-27T09:00:00.000Z' },
    overall: { reported: 'green', headline: { code: 'onTrackWithMilestone', params: { milestone: 'Release 2', date: '2026-12-11' } } },
    dimensions: [{ id: 'schedule', rag: 'green' }],
    sections: {
      completed: [{ epic: { key: 'ACME-100', summary: 'Checkout' }, issues: [ref('ACME-2', 'Pay page')] }],
      inProgress: [ref('ACME-1', 'Login page'), ref('ACME-3', 'Internal-ish spike')],
      nextUp: [],
      milestones: [
        {
          id: '10100',
          name: 'Release 2',
          released: false,
          releaseDate: '2026-12-11',
          originalReleaseDate: null,
          progress: { percentDone: 40 },
          forecastDate: null,
          slipDays: null,
          rag: 'green',
        },
      ],
      flagged: [],
      blocked: [{ issue: ref('ACME-1', 'Login page'), blockedBy: ['ACME-3'], hiddenBlockers: 0 }],
      waitingOnClient: [],
      registerRisks: [{ id: 'vendor', text: 'Vendor may be late', level: 'high', status: 'open' }],
    },
  };
}

describe('applyClientTexts', () => {
  it('changes nothing without texts', () => {
    const data = aClientData();
    expect(applyClientTexts(data, undefined, 'en')).toBe(data);
    expect(applyClientTexts(data, { hiddenLines: [], clientWording: {} }, 'en')).toBe(data);
  });

  it('hides a line everywhere it appears; as a blocker it is counted, not named', () => {
    const out = applyClientTexts(aClientData(), { hiddenLines: ['issue:ACME-3'] }, 'en');
    expect(out.sections.inProgress.map((i) => i.key)).toEqual(['ACME-1']);
    expect(out.sections.blocked).toEqual([{ issue: ref('ACME-1', 'Login page'), blockedBy: [], hiddenBlockers: 1 }]);
    expect(JSON.stringify(out)).not.toContain('ACME-3');
  });

  it('replaces the text of issues, epics, milestones (the headline too) and risks with the client wording', () => {
    const out = applyClientTexts(
      aClientData(),
      {
        clientWording: {
          'issue:ACME-1': 'Sign-in screen',
          'issue:ACME-100': 'Buying online',
          'milestone:10100': 'Second release',
          'risk:vendor': 'A supplier may deliver late',
          'issue:ACME-404': 'A line the report no longer has',
        },
      },
      'en',
    );
    expect(out.sections.inProgress[0]?.summary).toBe('Sign-in screen');
    expect(out.sections.blocked[0]?.issue.summary).toBe('Sign-in screen');
    expect(out.sections.completed[0]?.epic).toEqual({ key: 'ACME-100', summary: 'Buying online' });
    expect(out.sections.milestones[0]?.name).toBe('Second release');
    expect(out.sections.registerRisks?.[0]?.text).toBe('A supplier may deliver late');
    expect(renderClientReport(out, 'en').overall.headline).toContain('Second release');
    expect(JSON.stringify(out)).not.toContain('A line the report no longer has');
  });

  it('drops a hidden milestone from the headline and a group whose every issue is hidden', () => {
    const out = applyClientTexts(aClientData(), { hiddenLines: ['milestone:10100', 'issue:ACME-2', 'risk:vendor'] }, 'zh-CN');
    expect(out.sections.milestones).toEqual([]);
    expect(out.overall.headline).toEqual({ code: 'onTrack', params: {} });
    expect(out.sections.completed).toEqual([]);
    expect(out.sections.registerRisks).toEqual([]);
  });
});

describe('applyClientTexts per language', () => {
  const texts = {
    clientWording: {
      'issue:ACME-1': { en: 'Sign-in screen', 'zh-CN': '登录界面' },
      'issue:ACME-3': { 'zh-CN': '支付' },
      'milestone:10100': { en: 'Second release', 'zh-CN': null },
    },
  };

  it('reads the wording in the reader’s language; a language without it keeps Jira’s text', () => {
    const en = applyClientTexts(aClientData(), texts, 'en');
    expect(en.sections.inProgress.map((i) => i.summary)).toEqual(['Sign-in screen', 'Internal-ish spike']);
    expect(en.sections.milestones[0]?.name).toBe('Second release');
    expect(JSON.stringify(en)).not.toMatch(/登录界面|支付/u);
    const zh = applyClientTexts(aClientData(), texts, 'zh-CN');
    expect(zh.sections.inProgress[0]?.summary).toBe('登录界面');
    expect(zh.sections.inProgress[1]?.summary).toBe('支付');
    expect(zh.sections.milestones[0]?.name).toBe('Release 2');
    expect(JSON.stringify(zh)).not.toMatch(/Sign-in screen|Second release/u);
  });

  it('reads an older plain-string wording in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      expect(
        applyClientTexts(aClientData(), { clientWording: { 'issue:ACME-1': 'Sign-in screen' } }, lang).sections.inProgress[0]?.summary,
      ).toBe('Sign-in screen');
    }
  });

  it('changes nothing when the wording is only in the other language', () => {
    const data = aClientData();
    expect(applyClientTexts(data, { clientWording: { 'issue:ACME-3': { 'zh-CN': '支付' } } }, 'en')).toBe(data);
  });
});

describe('toClientLines', () => {
  it('lists each line of the client version once, with an id the draft accepts', () => {
    const lines = toClientLines(renderClientReport(aClientData(), 'en'));
    expect(lines.map((l) => l.id)).toEqual([
      'issue:ACME-100',
      'issue:ACME-2',
      'issue:ACME-1',
      'issue:ACME-3',
      'milestone:10100',
      'risk:vendor',
    ]);
    expect(lines[4]).toEqual({ id: 'milestone:10100', kind: 'milestone', label: '', text: 'Release 2' });
    const draft = {
      override: null,
      hiddenLines: lines.map((l) => l.id),
      clientWording: Object.fromEntries(lines.map((l) => [l.id, l.text])),
    };
    expect(reportDraftSchema.safeParse(draft).success).toBe(true);
  });
});

describe('reportDraftSchema', () => {
  it.each([
    { case: 'an older draft with the override only', draft: { override: null }, ok: true },
    { case: 'a line id of an unknown kind', draft: { override: null, hiddenLines: ['user:bob'] }, ok: false },
    { case: 'a line hidden twice', draft: { override: null, hiddenLines: ['issue:A-1', 'issue:A-1'] }, ok: false },
    { case: 'blank client wording', draft: { override: null, clientWording: { 'issue:A-1': '  ' } }, ok: false },
    { case: 'client wording too long', draft: { override: null, clientWording: { 'issue:A-1': 'x'.repeat(501) } }, ok: false },
    { case: 'a narrative too long', draft: { override: null, narrative: { internal: 'x'.repeat(6001), client: null } }, ok: false },
    {
      case: 'too many lines hidden',
      draft: { override: null, hiddenLines: Array.from({ length: 201 }, (_, n) => `issue:A-${String(n)}`) },
      ok: false,
    },
    {
      case: 'wording for too many lines',
      draft: { override: null, clientWording: Object.fromEntries(Array.from({ length: 201 }, (_, n) => [`issue:A-${String(n)}`, 'x'])) },
      ok: false,
    },
  ])('$case', ({ draft, ok }) => {
    expect(reportDraftSchema.safeParse(draft).success).toBe(ok);
  });

  it('keeps no prototype key as a line', () => {
    const parsed = reportDraftSchema.parse(JSON.parse('{"override":null,"clientWording":{"__proto__":"x"}}'));
    expect(Object.keys(parsed.clientWording ?? {})).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('trims texts and drops bidirectional controls', () => {
    const parsed = reportDraftSchema.parse({ override: null, narrative: { internal: '  Ours \u202E ', client: null } });
    expect(parsed.narrative).toEqual({ internal: 'Ours', client: null });
  });
});

describe('applyClientTexts: the support section (issue 13)', () => {
  it('drops hidden issues from the overdue list and words the others; the counts stay', () => {
    const base = aClientData();
    const overdue = (key: string, summary: string) =>
      ({ key, summary, created: '2026-11-20T09:00:00.000Z', response: 'overdue', resolution: 'overdue' }) as const;
    const support = {
      responseHours: 8,
      resolutionHours: 72,
      total: 2,
      response: { met: 0, breached: 0, running: 0, overdue: 2 },
      resolution: { met: 0, breached: 0, running: 0, overdue: 2 },
      overdue: [overdue('ACME-1', 'Login fails'), overdue('ACME-3', 'Internal-ish spike')],
      overdueTotal: 2,
    };
    const out = applyClientTexts(
      { ...base, sections: { ...base.sections, support } },
      { hiddenLines: ['issue:ACME-3'], clientWording: { 'issue:ACME-1': 'Sign-in problem' } },
      'en',
    );
    expect(out.sections.support?.overdue.map((i) => [i.key, i.summary])).toEqual([['ACME-1', 'Sign-in problem']]);
    expect(out.sections.support?.total).toBe(2);
  });

  it('lists the support section’s overdue issues among the lines the PM may reword or hide', () => {
    const base = renderClientReport(aClientData(), 'en');
    const overdue = {
      key: 'ACME-9',
      summary: 'Export fails',
      created: '2026-11-20T09:00:00.000Z',
      response: 'overdue',
      resolution: 'met',
    } as const;
    const counts = { met: 0, breached: 0, running: 0, overdue: 1 };
    const report = {
      ...base,
      sections: {
        ...base.sections,
        support: {
          responseHours: 8,
          resolutionHours: 72,
          total: 1,
          response: counts,
          resolution: counts,
          overdue: [overdue],
          overdueTotal: 1,
        },
      },
    };
    expect(toClientLines(report)).toContainEqual({ id: 'issue:ACME-9', kind: 'issue', label: 'ACME-9', text: 'Export fails' });
  });
});
