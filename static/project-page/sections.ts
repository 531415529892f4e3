import type { APP_MESSAGES } from '../../contract/i18n/app-messages';
import type { KeyOf } from '../../contract/i18n/strings';

/** The project page's sections, in tab order. */
export const SECTIONS = [
  'overview',
  'reports',
  'communication',
  'feedback',
  'changes',
  'risks',
  'share',
  'engagement',
  'settings',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export const SECTION_LABEL_KEYS = {
  overview: 'section.overview',
  reports: 'section.reports',
  communication: 'section.communication',
  feedback: 'section.feedback',
  changes: 'section.changes',
  risks: 'section.risks',
  share: 'section.share',
  engagement: 'section.engagement',
  settings: 'section.settings',
} as const satisfies Record<SectionId, KeyOf<typeof APP_MESSAGES>>;

function isSectionId(value: string): value is SectionId {
  return (SECTIONS as readonly string[]).includes(value);
}

/**
 * The section a pathname shows. The first path segment names it (`/risks`, `/risks/R-1`);
 * the root and any unknown path show Overview, so an old or mistyped link still lands.
 */
export function toSection(pathname: string): SectionId {
  const first = pathname.split('/').find((segment) => segment !== '') ?? '';
  const candidate = first.toLowerCase();
  return isSectionId(candidate) ? candidate : 'overview';
}

/** The pathname of a section: Overview is the root, so the app's plain URL opens it. */
export function toPath(section: SectionId): string {
  return section === 'overview' ? '/' : `/${section}`;
}
