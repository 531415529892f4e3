import type { ThemeAppearance } from '@atlaskit/lozenge';
import type { StatusCategoryKey } from '../../contract';

/**
 * Jira's status colours: To do grey, In progress blue, Done green. A status without a
 * category stays grey, like Jira shows it.
 */
export function toLozengeAppearance(category: StatusCategoryKey): ThemeAppearance {
  switch (category) {
    case 'indeterminate':
      return 'inprogress';
    case 'done':
      return 'success';
    case 'new':
    case 'undefined':
      return 'default';
  }
}
