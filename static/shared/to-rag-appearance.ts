import type { ThemeAppearance } from '@atlaskit/lozenge';
import type { RagJson } from '../../contract';

/**
 * RAG as a lozenge appearance: green success, amber warning ("moved"), red danger
 * ("removed"), grey neutral. Always shown with its word, never colour alone.
 */
export function toRagAppearance(rag: RagJson): ThemeAppearance {
  switch (rag) {
    case 'green':
      return 'success';
    case 'amber':
      return 'moved';
    case 'red':
      return 'removed';
    case 'grey':
      return 'default';
  }
}
