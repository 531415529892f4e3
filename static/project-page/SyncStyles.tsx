import { token } from '@atlaskit/tokens';

/**
 * The freshness bar's and the progress bar's look, after the Atlassian Design System's progress
 * bar and section message: every value a design token, so light and dark themes both apply.
 * Rendered with the Overview, so the shared stylesheet stays small for the other entries.
 */
const CSS = `
.cf-freshness {
  display: grid; gap: ${token('space.100', '8px')};
  margin: 0 0 ${token('space.300', '24px')};
  padding: ${token('space.100', '8px')} ${token('space.150', '12px')};
  border-radius: ${token('radius.medium', '6px')};
  background: ${token('elevation.surface.sunken', '#F8F8F8')};
}
.cf-freshness-row { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100', '8px')} ${token('space.200', '16px')}; }
.cf-freshness-age { margin: 0; margin-inline-end: auto; color: ${token('color.text.subtle', '#505258')}; min-width: 0; }
.cf-freshness-pending { display: inline-block; white-space: pre-wrap; }
.cf-freshness-age time { color: ${token('color.text', '#292A2E')}; }
.cf-button[aria-disabled="true"], .cf-button[aria-disabled="true"]:hover {
  background: ${token('color.background.disabled', '#17171708')};
  color: ${token('color.text.disabled', '#080F214A')};
  cursor: not-allowed;
}
.cf-progress-block { display: grid; gap: ${token('space.075', '6px')}; }
.cf-progress-block p { margin: 0; }
.cf-progress-meta { color: ${token('color.text.subtle', '#505258')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-progress {
  position: relative; overflow: hidden; height: 6px;
  border-radius: ${token('radius.full', '9999px')};
  background: ${token('color.background.neutral', '#0515240F')};
}
.cf-progress-value {
  height: 100%; border-radius: inherit;
  background: ${token('color.background.brand.bold', '#1868DB')};
  transition: width 0.4s ease-out;
}
.cf-progress[data-indeterminate="true"] .cf-progress-value {
  position: absolute; width: 40%;
  animation: cf-progress-slide 1.4s ease-in-out infinite;
}
@keyframes cf-progress-slide { from { left: -40%; } to { left: 100%; } }
@media (prefers-reduced-motion: reduce) {
  .cf-progress-value { transition: none; }
  .cf-progress[data-indeterminate="true"] .cf-progress-value { animation: none; left: 0; width: 100%; opacity: 0.5; }
}
.cf-sync-problem {
  display: grid; gap: ${token('space.050', '4px')}; justify-items: start;
  padding: ${token('space.150', '12px')} ${token('space.200', '16px')};
  border-radius: ${token('radius.small', '3px')};
  background: ${token('color.background.danger', '#FFECEB')};
  color: ${token('color.text', '#292A2E')};
}
.cf-sync-problem p { margin: 0; }
.cf-sync-problem strong { font: ${token('font.heading.xsmall', 'normal 653 14px/16px sans-serif')}; }
.cf-first-sync {
  display: grid; gap: ${token('space.150', '12px')}; max-width: 40rem;
  padding: ${token('space.300', '24px')};
  border-radius: ${token('radius.medium', '6px')};
  background: ${token('elevation.surface.raised', '#FFFFFF')};
  box-shadow: ${token('elevation.shadow.raised', '0px 1px 1px #1E1F2140, 0px 0px 1px #1E1F214f')};
}
.cf-first-sync h2 { margin: 0; font: ${token('font.heading.medium', 'normal 653 20px/24px sans-serif')}; }
.cf-first-sync > p { margin: 0; color: ${token('color.text.subtle', '#505258')}; }
`;

export function SyncStyles() {
  return <style>{CSS}</style>;
}
