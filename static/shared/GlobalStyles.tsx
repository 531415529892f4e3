import { token } from '@atlaskit/tokens';

/**
 * The few rules inline styles cannot express (pseudo-classes, keyframes, media queries).
 * Every value is a design token, so the light and dark themes both apply.
 */
const CSS = `
html, body { margin: 0; }
body {
  background: ${token('elevation.surface', '#FFFFFF')};
  color: ${token('color.text', '#292A2E')};
  font: ${token('font.body', 'normal 400 14px/20px ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif')};
}
.cf-visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.cf-button {
  display: inline-flex; align-items: center; height: 2rem;
  padding: 0 ${token('space.150', '12px')};
  border: none; border-radius: ${token('radius.small', '3px')};
  background: ${token('color.background.neutral', '#0515240F')};
  color: ${token('color.text', '#292A2E')};
  font: ${token('font.body', 'normal 500 14px/20px sans-serif')};
  font-weight: ${token('font.weight.medium', '500')};
  cursor: pointer;
}
.cf-button:hover { background: ${token('color.background.neutral.hovered', '#0B120E24')}; }
.cf-button:active { background: ${token('color.background.neutral.pressed', '#080F214A')}; }
.cf-button:focus-visible, .cf-tab:focus-visible {
  outline: 2px solid ${token('color.border.focused', '#4688EC')};
  outline-offset: 2px;
}
.cf-tablist {
  display: flex; flex-wrap: wrap; gap: ${token('space.050', '4px')};
  margin: 0 0 ${token('space.300', '24px')};
  border-bottom: 2px solid ${token('color.border', '#0B120E24')};
}
.cf-tab {
  position: relative; margin-bottom: -2px;
  padding: ${token('space.050', '4px')} ${token('space.100', '8px')};
  border: none; border-bottom: 2px solid transparent; background: none;
  color: ${token('color.text.subtle', '#505258')};
  font: ${token('font.body', 'normal 500 14px/20px sans-serif')};
  font-weight: ${token('font.weight.medium', '500')};
  cursor: pointer;
}
.cf-tab:hover { color: ${token('color.text', '#292A2E')}; border-bottom-color: ${token('color.border', '#0B120E24')}; }
.cf-tab[aria-selected="true"] {
  color: ${token('color.text.selected', '#1868DB')};
  border-bottom-color: ${token('color.border.selected', '#1868DB')};
}
.cf-link { color: ${token('color.link', '#1868DB')}; text-decoration: underline; text-underline-offset: 0.15em; }
.cf-link:hover { text-decoration-thickness: 2px; }
.cf-link:active { color: ${token('color.link.pressed', '#1558BC')}; }
.cf-link:focus-visible, .cf-segment:focus-visible {
  outline: 2px solid ${token('color.border.focused', '#4688EC')};
  outline-offset: 2px;
  border-radius: ${token('radius.small', '3px')};
}
.cf-segmented {
  display: inline-flex; padding: 2px; gap: 2px;
  border-radius: ${token('radius.small', '3px')};
  background: ${token('color.background.neutral', '#0515240F')};
}
.cf-segment {
  height: 1.75rem; padding: 0 ${token('space.150', '12px')};
  border: none; border-radius: ${token('radius.small', '3px')};
  background: transparent; color: ${token('color.text.subtle', '#505258')};
  font: ${token('font.body', 'normal 500 14px/20px sans-serif')};
  font-weight: ${token('font.weight.medium', '500')};
  cursor: pointer;
}
.cf-segment:hover { background: ${token('color.background.neutral.subtle.hovered', '#0515240F')}; }
.cf-segment[aria-pressed="true"] {
  background: ${token('color.background.selected', '#E9F2FE')};
  color: ${token('color.text.selected', '#1868DB')};
  box-shadow: inset 0 0 0 1px ${token('color.border.selected', '#1868DB')};
}
.cf-table { border-collapse: collapse; width: 100%; }
.cf-table caption { text-align: start; padding-bottom: ${token('space.100', '8px')}; font: ${token('font.heading.xsmall', 'normal 653 14px/16px sans-serif')}; }
.cf-table th, .cf-table td {
  padding: ${token('space.075', '6px')} ${token('space.100', '8px')};
  border-bottom: 1px solid ${token('color.border', '#0B120E24')};
  text-align: start; vertical-align: top;
}
.cf-table thead th { color: ${token('color.text.subtle', '#505258')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; font-weight: ${token('font.weight.bold', '653')}; }
.cf-table-scroll { overflow-x: auto; }
.cf-table-scroll:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; }
.cf-disclosure {
  display: inline-flex; align-items: center; gap: ${token('space.100', '8px')};
  padding: 0; border: none; background: none; color: inherit; font: inherit; text-align: start;
  cursor: pointer;
}
.cf-disclosure::before {
  content: ''; flex: none; width: 0.45em; height: 0.45em; margin-inline: 0.1em 0.15em;
  border-right: 2px solid currentColor; border-bottom: 2px solid currentColor;
  transform: rotate(-45deg);
}
.cf-disclosure[aria-expanded="true"]::before { transform: rotate(45deg); }
.cf-disclosure:hover { text-decoration: underline; }
.cf-disclosure:focus-visible {
  outline: 2px solid ${token('color.border.focused', '#4688EC')};
  outline-offset: 2px;
  border-radius: ${token('radius.small', '3px')};
}
/* Below 40rem a wide table becomes one card per row, each cell labelled by its column. */
@media (max-width: 40rem) {
  .cf-table-stack thead {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
  .cf-table-stack tbody { display: grid; gap: ${token('space.100', '8px')}; }
  .cf-table-stack tr {
    display: grid; gap: ${token('space.050', '4px')};
    padding: ${token('space.100', '8px')} ${token('space.150', '12px')};
    border: 1px solid ${token('color.border', '#0B120E24')};
    border-radius: ${token('radius.medium', '6px')};
  }
  .cf-table-stack th, .cf-table-stack td { display: block; padding: 0; border: none; }
  .cf-table-stack td[data-label] { display: grid; grid-template-columns: minmax(5.5rem, 35%) 1fr; gap: ${token('space.100', '8px')}; }
  .cf-table-stack td[data-label]::before {
    content: attr(data-label);
    color: ${token('color.text.subtle', '#505258')};
    font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')};
    font-weight: ${token('font.weight.bold', '653')};
  }
}
.cf-skeleton {
  border-radius: ${token('radius.small', '3px')};
  background: ${token('color.skeleton', '#0515240F')};
  animation: cf-pulse 1.2s ease-in-out infinite alternate;
}
@keyframes cf-pulse { from { opacity: 1; } to { opacity: 0.5; } }
@media (prefers-reduced-motion: reduce) { .cf-skeleton { animation: none; } }
`;

export function GlobalStyles() {
  return <style>{CSS}</style>;
}
