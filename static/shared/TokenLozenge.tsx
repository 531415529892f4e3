import type { ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A lozenge drawn with design tokens only, modelled on `@atlaskit/lozenge` 17 (subtle
 * background, subtle border, small bold text). The real component adds about 58 KB gzip
 * (26 KB even without its feature-gate client: primitives, emotion, badge, icon), which
 * alone would break the issue panel's 120 KB budget, and its CSS imports cannot load in
 * Node tests. Both surfaces use this one so they look alike. Same `appearance` names as
 * `@atlaskit/lozenge`, so swapping back is a one-line change per use.
 */
const APPEARANCE: Record<ThemeAppearance, { background: string; color: string; border: string }> = {
  default: {
    background: token('color.background.neutral', '#0515240F'),
    color: token('color.text.subtle', '#505258'),
    border: token('color.border', '#0B120E24'),
  },
  inprogress: {
    background: token('color.background.information', '#E9F2FE'),
    color: token('color.text.information', '#1558BC'),
    border: token('color.border.information.subtle', '#8FB8F6'),
  },
  success: {
    background: token('color.background.success', '#EFFFD6'),
    color: token('color.text.success', '#4C6B1F'),
    border: token('color.border.success.subtle', '#B3DF72'),
  },
  removed: {
    background: token('color.background.danger', '#FFECEB'),
    color: token('color.text.danger', '#AE2E24'),
    border: token('color.border.danger.subtle', '#FD9891'),
  },
  new: {
    background: token('color.background.discovery', '#F8EEFE'),
    color: token('color.text.discovery', '#803FA5'),
    border: token('color.border.discovery.subtle', '#D8A0F7'),
  },
  moved: {
    background: token('color.background.warning', '#FFF5DB'),
    color: token('color.text.warning', '#9E4C00'),
    border: token('color.border.warning.subtle', '#FBC828'),
  },
};

const BASE: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  boxSizing: 'border-box',
  maxWidth: '200px',
  height: '1.25rem',
  paddingInline: token('space.075', '6px'),
  borderRadius: token('radius.small', '4px'),
  borderWidth: token('border.width', '1px'),
  borderStyle: 'solid',
  font: token('font.body.small', 'normal 400 12px/16px sans-serif'),
  fontWeight: token('font.weight.bold', '653'),
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

export function TokenLozenge({
  appearance = 'default',
  testId,
  children,
}: {
  appearance?: ThemeAppearance;
  testId?: string;
  children: ReactNode;
}) {
  const colours = APPEARANCE[appearance];
  return (
    <span data-testid={testId} style={{ ...BASE, background: colours.background, color: colours.color, borderColor: colours.border }}>
      {children}
    </span>
  );
}
