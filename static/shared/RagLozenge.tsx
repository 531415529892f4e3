import { RAG_MESSAGES } from '../../contract/i18n/rag-messages';
import type { RagJson } from '../../contract';
import { useT } from './i18n/I18nProvider';
import { toRagAppearance } from './to-rag-appearance';
import { TokenLozenge } from './TokenLozenge';

/** A RAG status as a coloured lozenge with its word ("Amber"), so colour is never alone. */
export function RagLozenge({ rag, testId }: { rag: RagJson; testId?: string }) {
  const t = useT(RAG_MESSAGES);
  return (
    <TokenLozenge appearance={toRagAppearance(rag)} {...(testId === undefined ? {} : { testId })}>
      <span data-rag={rag}>{t(`rag.${rag}`)}</span>
    </TokenLozenge>
  );
}
