/**
 * "Since last report" as text (issue 11, DESIGN §5.2), shared by the Markdown, HTML and e-mail
 * renderers and the project page, so they all say the same thing in the report's language.
 * Each line may lead with an issue key, which the team's renderings link to Jira and the
 * client's never (DESIGN §5.1).
 */
import type { Language } from '../language';
import type { DimensionKey, RagJson, RiskLevel } from '../report';
import type { ClientSinceLastSectionJson, SinceLastSectionJson } from '../since-last-report';
import { CLIENT_SENTENCES } from './client-sentences';
import { formatterFor } from './format';
import { HEALTH_MESSAGES } from './health-messages';
import { RAG_MESSAGES } from './rag-messages';
import { RISK_MESSAGES } from './risk-messages';
import { translator } from './strings';

export const SINCE_LAST_GROUPS = ['health', 'registerRisks', 'issueRisks', 'milestones', 'work'] as const;
export type SinceLastGroupId = (typeof SINCE_LAST_GROUPS)[number];

/** One line: an optional issue key, then its text. */
export interface SinceLastLine {
  key: string | null;
  text: string;
}

export interface SinceLastText {
  title: string;
  /** "Compared with report 3, published …", or that this is the first report. */
  intro: string;
  /** "Nothing changed since the last report." when there is no line; null otherwise. */
  nothing: string | null;
  groups: { id: SinceLastGroupId; heading: string; lines: SinceLastLine[] }[];
  /** What could not be compared, said plainly. */
  notes: string[];
}

interface Words {
  title: string;
  first: string;
  intro: (p: { version: number; published: string }) => string;
  nothing: string;
  heading: Record<SinceLastGroupId, string>;
  changed: (p: { dimension: string; from: string; to: string; sustained: boolean }) => string;
  still: (p: { dimension: string; rag: string }) => string;
  newRisk: (p: { title: string; level: string }) => string;
  resolvedRisk: (p: { title: string; outcome: 'closed' | 'occurred' | 'removed' | null }) => string;
  newIssueRisk: (p: { summary: string; score: number }) => string;
  resolvedIssueRisk: (p: { summary: string | null; outcome: 'done' | 'lower' | 'gone' }) => string;
  more: (count: number) => string;
  moved: (p: { name: string; from: string | null; to: string | null; original: string | null }) => string;
  completed: (count: number) => string;
  changes: (p: { new: number; decided: number }) => string;
  partial: string;
  unread: string;
}

const en: Words = {
  title: 'Since the last report',
  first: 'This is the first published report: there is nothing to compare it with yet.',
  intro: ({ version, published }) => `Compared with report ${String(version)}, published ${published}.`,
  nothing: 'Nothing changed since the last report.',
  heading: {
    health: 'Health',
    registerRisks: 'Risks',
    issueRisks: 'Issues at high risk',
    milestones: 'Milestone targets',
    work: 'Work and changes',
  },
  changed: ({ dimension, from, to, sustained }) =>
    `${dimension}: ${from} → ${to}${sustained ? ' (sustained: amber or red in both reports)' : ''}`,
  still: ({ dimension, rag }) => `${dimension}: still ${rag} (sustained: amber or red in both reports)`,
  newRisk: ({ title, level }) => `New: ${title} (${level})`,
  resolvedRisk: ({ title, outcome }) =>
    `Resolved: ${title}${outcome === null ? '' : ` (${{ closed: 'closed', occurred: 'occurred', removed: 'removed from the register' }[outcome]})`}`,
  newIssueRisk: ({ summary, score }) => `${summary} — now high risk (score ${String(score)})`,
  resolvedIssueRisk: ({ summary, outcome }) =>
    `${summary === null ? '' : `${summary} — `}no longer high risk (${{ done: 'done', lower: 'lower risk now', gone: 'no longer in the project' }[outcome]})`,
  more: (count) => `…and ${String(count)} more`,
  moved: ({ name, from, to, original }) => {
    const was = original === null ? '' : ` (originally ${original})`;
    if (from === null) return `${name}: target set to ${to ?? '—'}${was}`;
    if (to === null) return `${name}: target ${from} removed${was}`;
    return `${name}: target moved from ${from} to ${to}${was}`;
  },
  completed: (count) => `${String(count)} ${count === 1 ? 'issue' : 'issues'} completed (listed under “Completed this period”)`,
  changes: ({ new: raised, decided }) =>
    `${String(raised)} ${raised === 1 ? 'change request' : 'change requests'} raised, ${String(decided)} decided (listed under “Change requests”)`,
  partial: 'The last report listed only its first risks: a risk beyond them may show as new.',
  unread: 'The last report could not be read: only the health colours are compared.',
};

const zhCN: Words = {
  title: '自上次报告以来',
  first: '这是第一份发布的报告，尚无可比较的内容。',
  intro: ({ version, published }) => `与第 ${String(version)} 份报告（发布于 ${published}）相比。`,
  nothing: '自上次报告以来没有变化。',
  heading: {
    health: '健康状况',
    registerRisks: '风险',
    issueRisks: '高风险事务',
    milestones: '里程碑目标日期',
    work: '工作与变更',
  },
  changed: ({ dimension, from, to, sustained }) => `${dimension}：${from} → ${to}${sustained ? '（持续：两份报告中均为黄色或红色）' : ''}`,
  still: ({ dimension, rag }) => `${dimension}：仍为${rag}（持续：两份报告中均为黄色或红色）`,
  newRisk: ({ title, level }) => `新增：${title}（${level}）`,
  resolvedRisk: ({ title, outcome }) =>
    `已解除：${title}${outcome === null ? '' : `（${{ closed: '已关闭', occurred: '已发生', removed: '已从登记册中删除' }[outcome]}）`}`,
  newIssueRisk: ({ summary, score }) => `${summary}——现为高风险（评分 ${String(score)}）`,
  resolvedIssueRisk: ({ summary, outcome }) =>
    `${summary === null ? '' : `${summary}——`}不再是高风险（${{ done: '已完成', lower: '风险已降低', gone: '已不在项目中' }[outcome]}）`,
  more: (count) => `……另有 ${String(count)} 项`,
  moved: ({ name, from, to, original }) => {
    const was = original === null ? '' : `（最初为 ${original}）`;
    if (from === null) return `${name}：目标日期设为 ${to ?? '—'}${was}`;
    if (to === null) return `${name}：目标日期 ${from} 已移除${was}`;
    return `${name}：目标日期从 ${from} 改为 ${to}${was}`;
  },
  completed: (count) => `已完成 ${String(count)} 个事务（见“本期已完成”）`,
  changes: ({ new: raised, decided }) => `新提出 ${String(raised)} 个变更请求，已决定 ${String(decided)} 个（见“变更请求”）`,
  partial: '上次报告只列出了前几项风险：超出部分的风险可能显示为新增。',
  unread: '无法读取上次报告：只比较了健康状况的颜色。',
};

const WORDS: Readonly<Record<Language, Words>> = { en, 'zh-CN': zhCN };

/**
 * The section's text in `lang`, for either audience's data. `instant` writes when the last report
 * was published (the renderers' formatter, in the project's zone); its UTC day without one.
 */
export function describeSinceLast(
  section: SinceLastSectionJson | ClientSinceLastSectionJson,
  lang: Language,
  audience: 'internal' | 'client',
  instant?: (iso: string) => string,
): SinceLastText {
  const w = WORDS[lang];
  if (section.kind === 'first') return { title: w.title, intro: w.first, nothing: null, groups: [], notes: [] };
  const t = translator(lang, HEALTH_MESSAGES, RAG_MESSAGES, RISK_MESSAGES);
  const f = formatterFor(lang);
  const dimension = (d: DimensionKey) => t(`dimension.${d}`);
  // The client reads colours in its plain words ("Needs attention"); the team in RAG names.
  const rag = (r: RagJson) => (audience === 'client' && r !== 'grey' ? CLIENT_SENTENCES[lang].dimension(r) : t(`rag.${r}`));
  const level = (l: RiskLevel) => t(`risk.level.${l}`);
  const day = (d: string | null) => (d === null ? null : f.day(d));
  const line = (text: string, key: string | null = null): SinceLastLine => ({ key, text });

  const health = section.dimensions.map((d) => {
    const sustained = 'sustained' in d && d.sustained;
    return line(
      d.from === d.to
        ? w.still({ dimension: dimension(d.dimension), rag: rag(d.to) })
        : w.changed({ dimension: dimension(d.dimension), from: rag(d.from), to: rag(d.to), sustained }),
    );
  });
  const risks =
    'issueRisks' in section
      ? [
          ...section.registerRisks.new.map((r) => line(w.newRisk({ title: r.title, level: level(r.level) }))),
          ...section.registerRisks.resolved.map((r) => line(w.resolvedRisk({ title: r.title, outcome: r.outcome }))),
        ]
      : [
          ...section.registerRisks.new.map((r) => line(w.newRisk({ title: r.text, level: level(r.level) }))),
          ...section.registerRisks.resolved.map((r) => line(w.resolvedRisk({ title: r.text, outcome: null }))),
        ];
  const issueRisks =
    'issueRisks' in section
      ? [
          ...section.issueRisks.new.map((r) => line(w.newIssueRisk({ summary: r.summary, score: r.score }), r.key)),
          ...more(section.issueRisks.newTotal - section.issueRisks.new.length),
          ...section.issueRisks.resolved.map((r) => line(w.resolvedIssueRisk({ summary: r.summary, outcome: r.outcome }), r.key)),
          ...more(section.issueRisks.resolvedTotal - section.issueRisks.resolved.length),
        ]
      : [];
  function more(count: number): SinceLastLine[] {
    return count > 0 ? [line(w.more(count))] : [];
  }
  const milestones = section.milestones.map((m) =>
    line(w.moved({ name: m.name, from: day(m.from), to: day(m.to), original: day(m.original) })),
  );
  const work = [
    ...(section.completed > 0 ? [line(w.completed(section.completed))] : []),
    ...(section.changeRequests.new + section.changeRequests.decided > 0 ? [line(w.changes(section.changeRequests))] : []),
  ];
  const all: Record<SinceLastGroupId, SinceLastLine[]> = { health, registerRisks: risks, issueRisks, milestones, work };
  const groups = SINCE_LAST_GROUPS.filter((id) => all[id].length > 0).map((id) => ({ id, heading: w.heading[id], lines: all[id] }));
  const notes = [...('partial' in section && section.partial ? [w.partial] : []), ...(section.unread ? [w.unread] : [])];
  return {
    title: w.title,
    intro: w.intro({
      version: section.previous.version,
      published: instant ? instant(section.previous.publishedAt) : f.day(section.previous.publishedAt.slice(0, 10)),
    }),
    nothing: groups.length === 0 ? w.nothing : null,
    groups,
    notes,
  };
}
