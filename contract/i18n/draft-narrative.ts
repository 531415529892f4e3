/**
 * The drafted narrative (issue 11): the app writes the narrative from the rendered report — what
 * changed in the period, why the health is what it is, what comes next, and what the team needs
 * from the client — one sentence per fact, each with its evidence. Pure and deterministic: the
 * same report gives the same sentences, and nothing is said that the report does not hold.
 *
 * The internal narrative reads the internal report; the client's reads only the client's report
 * (`ClientStatusReportJson`, client-safe by construction), so it cannot name an internal issue
 * or carry an internal signal.
 */
import type { ClientStatusReportJson } from '../client-report';
import type { Language } from '../language';
import type { DimensionKey, StatusReportJson } from '../report';
import { DIMENSION_KEYS } from '../report';
import {
  NARRATIVE_TOPICS,
  type NarrativeEvidenceJson,
  type DraftedSentenceJson,
  type NarrativeSentenceJson,
  type NarrativeTopic,
  type ReportNarrativeJson,
} from '../report-narrative';
import { formatterFor } from './format';
import { NARRATIVE_SENTENCES } from './narrative-sentences';

/** Evidence lists keep this many refs per sentence (the report's own lists say the rest). */
const MAX_EVIDENCE = 10;

interface Item {
  id: string;
  text: string;
}
interface Milestone {
  id: string;
  name: string;
  released: boolean;
  releaseDate: string | null;
  originalReleaseDate: string | null;
  forecastDate: string | null;
}
interface ChangeItem {
  id: string;
  title: string;
  status: string;
  isNew: boolean;
  decidedInPeriod: boolean;
  decision: { outcome: 'approved' | 'rejected' } | null;
}

/** What both audiences' narratives are drafted from. */
interface NarrativeFacts {
  lang: Language;
  audience: 'internal' | 'client';
  period: { start: string; end: string };
  completed: { items: Item[]; total: number };
  inProgress: { items: Item[]; total: number };
  nextUp: { items: Item[]; total: number };
  waiting: { items: Item[]; total: number; longestDays: number };
  milestones: Milestone[];
  changes: ChangeItem[];
  override: { reported: 'green' | 'amber' | 'red'; computed: 'green' | 'amber' | 'red'; reason: string } | null;
  /** Dimensions amber or red, in `DIMENSION_KEYS` order, with their sentence (internal) or none (client). */
  attention: { key: DimensionKey; label: string; rag: 'amber' | 'red'; why: string | null; evidence: string[] }[];
  grey: { key: DimensionKey; label: string }[];
  tracked: DimensionKey[];
  sustained: { key: DimensionKey; label: string }[];
}

const issue = (id: string): NarrativeEvidenceJson => ({ kind: 'issue', id });
const withoutStop = (text: string) => text.replace(/[.。]$/u, '');

function draftFrom(facts: NarrativeFacts): DraftedSentenceJson[] {
  const s = NARRATIVE_SENTENCES[facts.lang];
  const fmt = formatterFor(facts.lang);
  const out: DraftedSentenceJson[] = [];
  const say = (topic: NarrativeTopic, text: string, evidence: NarrativeEvidenceJson[]) =>
    out.push({ topic, text: s.sentence(text), evidence: evidence.slice(0, MAX_EVIDENCE) });
  const list = (items: readonly Item[], total: number) =>
    s.list(
      items.map((i) => i.text),
      Math.max(total, items.length),
    );
  const client = facts.audience === 'client';

  // What changed.
  const { completed } = facts;
  if (completed.total > 0) {
    say(
      'changed',
      s.completed({ count: completed.total, items: list(completed.items, completed.total) }),
      completed.items.map((i) => issue(i.id)),
    );
  } else {
    say('changed', s.nothingCompleted(), []);
  }
  const from = facts.period.start.slice(0, 10);
  const to = facts.period.end.slice(0, 10);
  for (const m of facts.milestones) {
    const evidence: NarrativeEvidenceJson[] = [{ kind: 'milestone', id: m.id }];
    if (m.released && m.releaseDate !== null && m.releaseDate >= from && m.releaseDate <= to) {
      say('changed', s.released({ milestone: m.name, date: fmt.day(m.releaseDate) }), evidence);
    } else if (!m.released && m.originalReleaseDate !== null && m.releaseDate !== null && m.originalReleaseDate !== m.releaseDate) {
      say('changed', s.targetMoved({ milestone: m.name, from: fmt.day(m.originalReleaseDate), to: fmt.day(m.releaseDate) }), evidence);
    }
  }
  const changes = (pick: (c: ChangeItem) => boolean, sentence: (p: { count: number; items: string }) => string) => {
    const picked = facts.changes.filter(pick);
    if (picked.length === 0) return;
    const items = picked.map((c) => ({ id: c.id, text: c.title }));
    say(
      'changed',
      sentence({ count: picked.length, items: list(items, picked.length) }),
      picked.map((c) => ({ kind: 'changeRequest', id: c.id })),
    );
  };
  changes((c) => c.isNew, s.newChanges);
  changes((c) => c.decidedInPeriod && c.decision?.outcome === 'approved', s.approvedChanges);
  changes((c) => c.decidedInPeriod && c.decision?.outcome === 'rejected', s.rejectedChanges);
  if (facts.sustained.length > 0) {
    say(
      'changed',
      s.sustained({ dimensions: facts.sustained.map((d) => d.label) }),
      facts.sustained.map((d) => ({ kind: 'dimension', id: d.key })),
    );
  }

  // Why the health is what it is.
  if (facts.override) say('health', s.overridden(facts.override), []);
  for (const d of facts.attention) {
    const evidence: NarrativeEvidenceJson[] = [{ kind: 'dimension', id: d.key }, ...d.evidence.map(issue)];
    say(
      'health',
      d.why === null
        ? s.clientDimension({ dimension: d.label, rag: d.rag })
        : s.dimension({ dimension: d.label, rag: d.rag, why: withoutStop(d.why) }),
      evidence,
    );
  }
  if (facts.attention.length === 0 && facts.tracked.length > 0) {
    say(
      'health',
      s.allGreen(),
      facts.tracked.map((key) => ({ kind: 'dimension', id: key })),
    );
  }
  if (facts.grey.length > 0) {
    say(
      'health',
      s.notEnoughData({ dimensions: facts.grey.map((d) => d.label) }),
      facts.grey.map((d) => ({ kind: 'dimension', id: d.key })),
    );
  }

  // What comes next.
  const next = facts.milestones
    .filter((m): m is Milestone & { releaseDate: string } => !m.released && m.releaseDate !== null)
    .sort((a, b) => (a.releaseDate < b.releaseDate ? -1 : a.releaseDate > b.releaseDate ? 1 : 0))[0];
  if (next) {
    const forecast = next.forecastDate === null ? null : fmt.day(next.forecastDate);
    say('next', s.nextMilestone({ milestone: next.name, date: fmt.day(next.releaseDate), forecast }), [{ kind: 'milestone', id: next.id }]);
  }
  if (facts.inProgress.total > 0) {
    say(
      'next',
      s.inProgress({ count: facts.inProgress.total, items: list(facts.inProgress.items, facts.inProgress.total) }),
      facts.inProgress.items.map((i) => issue(i.id)),
    );
  }
  if (facts.nextUp.total > 0) {
    say(
      'next',
      s.nextUp({ count: facts.nextUp.total, items: list(facts.nextUp.items, facts.nextUp.total) }),
      facts.nextUp.items.map((i) => issue(i.id)),
    );
  }

  // What the team needs from the client.
  const { waiting } = facts;
  if (waiting.total > 0) {
    say(
      'needs',
      s.waiting({ count: waiting.total, items: list(waiting.items, waiting.total), longestDays: waiting.longestDays, client }),
      waiting.items.map((i) => issue(i.id)),
    );
  }
  const awaiting = facts.changes.filter((c) => c.status === 'awaiting-client');
  if (awaiting.length > 0) {
    const items = awaiting.map((c) => ({ id: c.id, text: c.title }));
    say(
      'needs',
      s.awaitingDecision({ count: awaiting.length, items: list(items, awaiting.length), client }),
      awaiting.map((c) => ({ kind: 'changeRequest', id: c.id })),
    );
  }
  if (waiting.total === 0 && awaiting.length === 0) say('needs', s.nothingNeeded({ client }), []);
  return out;
}

const asItem = (i: { key: string; summary: string }): Item => ({ id: i.key, text: i.summary });

/** The internal narrative of a rendered internal report, in its language. */
export function draftNarrative(report: StatusReportJson): DraftedSentenceJson[] {
  const { sections, dimensions } = report;
  const completedItems = sections.completed.flatMap((g) => g.issues);
  const totals = sections.totals;
  const flagged = (key: DimensionKey) => dimensions[key];
  return draftFrom({
    lang: report.lang,
    audience: 'internal',
    period: report.period,
    completed: { items: completedItems.map(asItem), total: totals?.completed ?? completedItems.length },
    inProgress: { items: sections.inProgress.map(asItem), total: totals?.inProgress ?? sections.inProgress.length },
    nextUp: { items: sections.nextUp.map(asItem), total: totals?.nextUp ?? sections.nextUp.length },
    waiting: {
      items: sections.waitingOnClient.map(asItem),
      total: totals?.waitingOnClient ?? sections.waitingOnClient.length,
      longestDays: Math.max(0, ...sections.waitingOnClient.map((w) => w.wait.days)),
    },
    milestones: sections.milestones,
    changes: sections.changeRequests?.items ?? [],
    override:
      report.overall.reported === report.overall.computed || report.overall.overrideReason === null
        ? null
        : { reported: report.overall.reported, computed: report.overall.computed, reason: report.overall.overrideReason },
    attention: DIMENSION_KEYS.flatMap((key) => {
      const d = flagged(key);
      return d.enabled && (d.rag === 'amber' || d.rag === 'red')
        ? [{ key, label: d.label, rag: d.rag, why: d.why, evidence: d.evidence.slice(0, 5) }]
        : [];
    }),
    grey: DIMENSION_KEYS.filter((key) => flagged(key).enabled && flagged(key).rag === 'grey').map((key) => ({
      key,
      label: flagged(key).label,
    })),
    tracked: DIMENSION_KEYS.filter((key) => flagged(key).enabled && flagged(key).rag !== 'grey'),
    sustained: DIMENSION_KEYS.filter((key) => flagged(key).sustained).map((key) => ({ key, label: flagged(key).label })),
  });
}

/**
 * The client's narrative of a rendered client report, in its language: from client-safe data
 * only. Dimensions read by their colour (no figure), and no sustained marks or override reason.
 */
export function draftClientNarrative(report: ClientStatusReportJson): DraftedSentenceJson[] {
  const { sections } = report;
  const completedItems = sections.completed.flatMap((g) => g.issues);
  return draftFrom({
    lang: report.lang,
    audience: 'client',
    period: report.period,
    completed: { items: completedItems.map(asItem), total: completedItems.length },
    inProgress: { items: sections.inProgress.map(asItem), total: sections.inProgress.length },
    nextUp: { items: sections.nextUp.map(asItem), total: sections.nextUp.length },
    waiting: {
      items: sections.waitingOnClient.map(asItem),
      total: sections.waitingOnClient.length,
      longestDays: Math.max(0, ...sections.waitingOnClient.map((w) => w.wait.days)),
    },
    milestones: sections.milestones,
    changes: sections.changeRequests?.items ?? [],
    override: null,
    attention: report.dimensions.flatMap((d) =>
      d.rag === 'amber' || d.rag === 'red' ? [{ key: d.id, label: d.label, rag: d.rag, why: null, evidence: [] }] : [],
    ),
    grey: [],
    tracked: report.dimensions.map((d) => d.id),
    sustained: [],
  });
}

/** The drafted sentences as text: one paragraph per topic, in `NARRATIVE_TOPICS` order. */
export function narrativeText(sentences: readonly NarrativeSentenceJson[], lang: Language): string {
  const { joiner } = NARRATIVE_SENTENCES[lang];
  return NARRATIVE_TOPICS.map((topic) =>
    sentences
      .filter((s) => s.topic === topic)
      .map((s) => s.text)
      .join(joiner),
  )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** The narrative a reader reads: the PM's text when there is one (`pm`), else the drafted sentences. */
export function toReportNarrative(
  drafted: readonly NarrativeSentenceJson[],
  pmText: string | null | undefined,
  lang: Language,
): ReportNarrativeJson {
  return pmText === null || pmText === undefined
    ? { source: 'drafted', text: narrativeText(drafted, lang), sentences: [...drafted] }
    : { source: 'pm', text: pmText, sentences: [] };
}
