import { describe, expect, it } from 'vitest';
import { EMPTY_RETRO } from '../../../contract/closing';
import { CLOSING_MESSAGES } from '../../../contract/i18n/closing-messages';
import { LANGUAGES } from '../../../contract/language';
import { deriveClosingReport, toClientClosingReport } from '../../domain/closing/derive-closing-report';
import { XSS_VECTORS } from '../../../test/support/xss-vectors';
import { renderClosingHtml, renderClosingMarkdown } from './render-closing-report';

const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const hostile = (i: number) => XSS_VECTORS[i % XSS_VECTORS.length] ?? '<script>alert(1)</script>';

/** A report whose every free text is a cross-site scripting vector. */
function aHostileReport() {
  return deriveClosingReport({
    project: { key: 'ACME', name: hostile(0) },
    clientName: hostile(1),
    kpiDays: [{ day: '2026-03-01', overall: 'amber', dimensions: { schedule: { rag: 'amber', value: 2 } } }],
    kpisComplete: false,
    milestones: [{ id: '1', name: hostile(2), released: true, releaseDate: '2026-06-01', originalReleaseDate: '2026-05-20' }],
    changeRequests: [
      {
        id: 'cr1',
        title: hostile(3),
        description: hostile(4),
        internalNote: hostile(5),
        requester: hostile(6),
        impact: { scheduleDays: 2, effortHours: 8, cost: { amount: 10, currency: 'EUR' }, scopeNote: hostile(7) },
        linkedIssueKeys: ['ACME-1'],
        milestone: null,
        status: 'approved',
        revision: 1,
        decision: { outcome: 'approved', by: hostile(8), at: '2026-04-01T10:00:00.000Z', reason: '' },
        createdAt: '2026-03-20T10:00:00.000Z',
        updatedAt: '2026-04-01T10:00:00.000Z',
        implementedAt: null,
      },
    ],
    changesComplete: true,
    feedback: [
      {
        id: 'f1',
        rating: 2,
        nps: 3,
        comment: hostile(9),
        source: 'pm',
        stakeholderId: null,
        reference: null,
        createdAt: '2026-05-01T10:00:00.000Z',
        complaint: {
          ownerId: null,
          due: '2026-05-08',
          status: 'resolved',
          resolutionNote: hostile(10),
          jiraIssueKey: 'ACME-2',
          openedAt: '2026-05-01T10:00:00.000Z',
          updatedAt: '2026-05-03T10:00:00.000Z',
        },
      },
    ],
    feedbackComplete: true,
    retro: {
      ...EMPTY_RETRO,
      heldOn: '2026-11-27',
      participants: Array.from({ length: 10 }, (_, i) => ({ id: `p${String(i)}`, name: hostile(11 + i), side: 'client' as const })),
      wentWell: Array.from({ length: 20 }, (_, i) => ({ id: `w${String(i)}`, text: hostile(21 + i) })),
      toChange: Array.from({ length: 20 }, (_, i) => ({ id: `c${String(i)}`, text: hostile(41 + i) })),
      actions: Array.from({ length: 20 }, (_, i) => ({
        id: `a${String(i)}`,
        text: hostile(61 + i),
        owner: hostile(81 + i),
        due: null,
        jiraIssueKey: null,
      })),
      internalNote: hostile(101),
    },
    startDay: null,
    now: NOW,
    timeZone: 'Asia/Shanghai',
  });
}

describe.each(LANGUAGES)('the closing report in %s', (lang) => {
  const internal = aHostileReport();
  const client = toClientClosingReport(internal);
  const headings = [
    'closing.kpis.heading',
    'closing.milestones.heading',
    'closing.changes.heading',
    'closing.satisfaction.heading',
    'closing.complaints.heading',
    'closing.retro.heading',
  ] as const;

  it('HTML: every section in order, in the language, and no markup from the data', () => {
    const page = renderClosingHtml(internal, lang);
    expect(page).toMatch(new RegExp(`<html lang="${lang}">`, 'u'));
    const found = [...page.matchAll(/<h2 id="[a-z]+-h">([^<]*)<\/h2>/gu)].map((m) => m[1]);
    expect(found).toEqual(headings.map((key) => CLOSING_MESSAGES[lang][key]));
    // Only the renderer's own tags: none of the vectors' elements or handlers survive.
    expect(page).not.toMatch(/<(script|img|svg|iframe|math|object|embed|link|a|form|input|template|details)\b/iu);
    // A handler inside a real tag (the data's own brackets are escaped, so its text may say "onerror=").
    expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+=/iu);
    expect(page).toContain('&lt;script&gt;');
  });

  it('Markdown: the same sections, and no tag or link syntax from the data', () => {
    const text = renderClosingMarkdown(internal, lang);
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toEqual(headings.map((key) => `## ${CLOSING_MESSAGES[lang][key]}`));
    // No tag can open: a `<` before a letter, `/`, `!` or `?` is an entity (`escapeMarkdown`).
    expect(text).not.toMatch(/<[A-Za-z/!?]/u);
    expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/u);
  });

  it('the client version names no Jira key and no team note', () => {
    for (const out of [renderClosingHtml(client, lang), renderClosingMarkdown(client, lang)]) {
      expect(out).not.toMatch(/ACME-\d/u);
      expect(out).not.toContain(CLOSING_MESSAGES[lang]['closing.retro.internalNote']);
    }
    expect(renderClosingMarkdown(internal, lang)).toContain('ACME-2');
  });
});
