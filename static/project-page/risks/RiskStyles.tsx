import { token } from '@atlaskit/tokens';

/** The Risks section's own layout; fields, buttons and messages come from the Settings styles. */
const CSS = `
.cf-risks { max-width: 60rem; }
.cf-risks h3 { margin: 0 0 ${token('space.150', '12px')}; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-risks-records { display: grid; gap: ${token('space.150', '12px')}; margin: 0 0 ${token('space.200', '16px')}; padding: 0; list-style: none; }
.cf-risks-record {
  display: grid; gap: ${token('space.050', '4px')}; min-width: 0; padding: ${token('space.150', '12px')};
  border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; overflow-wrap: anywhere;
}
.cf-risks-head { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100', '8px')}; }
.cf-risks-meta { color: ${token('color.text.subtle', '#505258')}; }
.cf-risks-overdue { color: ${token('color.text.danger', '#AE2E24')}; }
.cf-risks-actions { display: flex; flex-wrap: wrap; gap: ${token('space.100', '8px')}; }
.cf-risks-filters { display: flex; flex-wrap: wrap; align-items: end; gap: ${token('space.150', '12px')}; margin: 0 0 ${token('space.200', '16px')}; }
.cf-risks-filters .cf-field { min-width: 10rem; }
.cf-risks-editor {
  display: grid; gap: ${token('space.200', '16px')}; margin: 0 0 ${token('space.200', '16px')}; padding: ${token('space.200', '16px')};
  border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')};
  background: ${token('elevation.surface.raised', '#FFFFFF')};
}
.cf-risks-grid { display: grid; gap: ${token('space.200', '16px')}; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); }
.cf-risks .cf-textarea { height: auto; min-height: 4.5rem; max-width: none; padding: ${token('space.100', '8px')}; resize: vertical; }
.cf-risks .cf-button:focus-visible, .cf-risks .cf-choice input:focus-visible, .cf-risks-matrix button:focus-visible {
  outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px;
}
.cf-risks-matrix-wrap { overflow-x: auto; margin: 0 0 ${token('space.200', '16px')}; }
.cf-risks-matrix { border-collapse: separate; border-spacing: ${token('space.050', '4px')}; }
.cf-risks-matrix caption { text-align: start; color: ${token('color.text.subtle', '#505258')}; padding-bottom: ${token('space.100', '8px')}; }
.cf-risks-matrix th { font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; color: ${token('color.text.subtle', '#505258')}; padding: ${token('space.050', '4px')}; }
.cf-risks-matrix td { padding: 0; }
.cf-risks-matrix button {
  width: 2.75rem; height: 2.75rem; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.small', '3px')};
  color: ${token('color.text', '#292A2E')}; font: ${token('font.body', 'normal 400 14px/20px sans-serif')}; cursor: pointer;
}
.cf-risks-matrix button[data-level="high"] { background: ${token('color.background.danger', '#FFECEB')}; }
.cf-risks-matrix button[data-level="medium"] { background: ${token('color.background.warning', '#FFF5DB')}; }
.cf-risks-matrix button[data-level="low"] { background: ${token('color.background.success', '#EFFFD6')}; }
.cf-risks-matrix button[aria-pressed="true"] { outline: 2px solid ${token('color.border.selected', '#1868DB')}; outline-offset: 1px; font-weight: ${token('font.weight.bold', '653')}; }
/* A phone shows the whole matrix: cells stay above the 24 px target size (WCAG 2.5.8). */
@media (max-width: 480px) {
  .cf-risks-matrix { border-spacing: 2px; }
  .cf-risks-matrix th { padding: 2px; }
  .cf-risks-matrix button { width: 2.25rem; height: 2.25rem; }
}
.cf-risks-add { margin: 0 0 ${token('space.200', '16px')}; }
.cf-risks-notice:empty { display: none; }
.cf-risks-notice:focus { outline: none; }
.cf-risks-notice { margin: 0 0 ${token('space.100', '8px')}; color: ${token('color.text.success', '#4C6B1F')}; }
`;

export function RiskStyles() {
  return <style>{CSS}</style>;
}
