import type { ThemeAppearance } from '@atlaskit/lozenge';
import type { IssueRiskJson } from '../../contract';

/** Risk level as a lozenge: high danger, medium warning, low success (nothing to chase). */
export function toRiskAppearance(level: IssueRiskJson['level']): ThemeAppearance {
  switch (level) {
    case 'high':
      return 'removed';
    case 'medium':
      return 'moved';
    case 'low':
      return 'success';
  }
}
