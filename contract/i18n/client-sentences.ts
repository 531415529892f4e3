/**
 * The client's own sentences (DESIGN §5.1): plain words with no figure the client could not
 * match to what it sees. A dimension reads by its colour only ("Needs attention"), a milestone's
 * progress as a percentage, a blocker the client may not see as "an internal task". Shared by
 * `renderClientReport`, the Markdown and HTML renderers and the page's client preview.
 */
import type { Language } from '../language';

type ClientRag = 'green' | 'amber' | 'red';

interface ClientSentences {
  /** A dimension the client sees, by its colour. */
  dimension: (rag: ClientRag) => string;
  /** The headline's detail when a dimension has the reported (amber or red) colour. */
  driver: (p: { dimension: string; rag: ClientRag }) => string;
  /** A milestone's issues done as a whole percentage; null for an empty milestone. */
  progress: (percentDone: number | null) => string;
  /** "Blocked by ACME-3 and an internal task": `keys` the client sees, `hidden` it may not. */
  blockedBy: (p: { keys: readonly string[]; hidden: number }) => string;
}

const en: ClientSentences = {
  dimension: (rag) => ({ green: 'On track', amber: 'Needs attention', red: 'At risk' })[rag],
  driver: ({ dimension, rag }) => (rag === 'red' ? `${dimension} is at risk` : `${dimension} needs attention`),
  progress: (percentDone) => (percentDone === null ? '—' : `${percentDone}% done`),
  blockedBy: ({ keys, hidden }) => {
    const internal = hidden === 0 ? [] : [hidden === 1 ? 'an internal task' : `${hidden} internal tasks`];
    const parts = [...keys, ...internal];
    const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
    return `Blocked by ${list}`;
  },
};

/** Latin text (an issue key) beside Chinese words takes a space; Chinese text does not. */
const latin = (text: string, at: number): boolean => text.length > 0 && text.charCodeAt(at) <= 0x7f;
const spaced = (text: string): string => (latin(text, 0) ? ' ' : '') + text + (latin(text, text.length - 1) ? ' ' : '');

const zhCN: ClientSentences = {
  dimension: (rag) => ({ green: '进展正常', amber: '需要关注', red: '存在风险' })[rag],
  driver: ({ dimension, rag }) => (rag === 'red' ? `${dimension}存在风险` : `${dimension}需要关注`),
  progress: (percentDone) => (percentDone === null ? '—' : `已完成 ${percentDone}%`),
  blockedBy: ({ keys, hidden }) => {
    const internal = hidden === 0 ? [] : [hidden === 1 ? '一项内部任务' : `${hidden} 项内部任务`];
    return `被${spaced([...keys, ...internal].join('、'))}阻塞`;
  },
};

export const CLIENT_SENTENCES: Readonly<Record<Language, ClientSentences>> = { en, 'zh-CN': zhCN };
