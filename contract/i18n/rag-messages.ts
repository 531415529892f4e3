import type { Strings } from './strings';

const en = {
  'rag.green': 'Green',
  'rag.amber': 'Amber',
  'rag.red': 'Red',
  /** Grey is never a colour to a reader: it means the data is missing. */
  'rag.grey': 'Not enough data',
  'ragInline.green': 'green',
  'ragInline.amber': 'amber',
  'ragInline.red': 'red',
} as const;

/** RAG names: capitalised for badges and headlines, inline inside a sentence. */
export const RAG_MESSAGES: Strings<typeof en> = {
  en,
  'zh-CN': {
    'rag.green': '绿色',
    'rag.amber': '黄色',
    'rag.red': '红色',
    'rag.grey': '数据不足',
    'ragInline.green': '绿色',
    'ragInline.amber': '黄色',
    'ragInline.red': '红色',
  },
};
