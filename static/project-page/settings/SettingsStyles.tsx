import { token } from '@atlaskit/tokens';

/**
 * The Settings form's look, after the Atlassian Design System's text field, select, checkbox,
 * button and section message: every value a design token, so light and dark themes both apply.
 * Rendered with the section, so the shared stylesheet stays small for the other entries.
 */
const CSS = `
.cf-settings { max-width: 46rem; }
.cf-settings h2 { margin: 0 0 ${token('space.100', '8px')}; font: ${token('font.heading.medium', 'normal 653 20px/24px sans-serif')}; }
.cf-settings-intro { margin: 0 0 ${token('space.300', '24px')}; color: ${token('color.text.subtle', '#505258')}; }
.cf-settings-fieldset { margin: 0; padding: 0; border: none; min-width: 0; }
.cf-group { padding: ${token('space.300', '24px')} 0; border-top: 1px solid ${token('color.border', '#0B120E24')}; }
.cf-group > h3 { margin: 0 0 ${token('space.050', '4px')}; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-group > p { margin: 0 0 ${token('space.200', '16px')}; color: ${token('color.text.subtle', '#505258')}; }
.cf-group h4 { margin: ${token('space.200', '16px')} 0 ${token('space.100', '8px')}; font: ${token('font.heading.xsmall', 'normal 653 14px/16px sans-serif')}; }
.cf-fields { display: grid; gap: ${token('space.200', '16px')}; }
.cf-field { display: grid; gap: ${token('space.050', '4px')}; min-width: 0; }
.cf-label, .cf-legend {
  padding: 0; color: ${token('color.text.subtle', '#505258')};
  font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; font-weight: ${token('font.weight.bold', '653')};
}
.cf-hint { margin: 0; color: ${token('color.text.subtlest', '#6B6E76')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-error-text { margin: 0; color: ${token('color.text.danger', '#AE2E24')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-error-text::before { content: "⚠ "; }
.cf-warning-text { margin: 0; color: ${token('color.text.warning', '#9E4C00')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-input-row { display: flex; align-items: center; gap: ${token('space.100', '8px')}; min-width: 0; }
.cf-input-row > .cf-button { flex: none; white-space: nowrap; }
.cf-settings .cf-button { white-space: nowrap; }
.cf-input, .cf-select {
  box-sizing: border-box; height: 2.5rem; min-width: 0; width: 100%; max-width: 24rem;
  padding: 0 ${token('space.100', '8px')};
  border: 1px solid ${token('color.border.input', '#8C8F97')}; border-radius: ${token('radius.small', '3px')};
  background: ${token('color.background.input', '#FFFFFF')}; color: ${token('color.text', '#292A2E')};
  font: ${token('font.body', 'normal 400 14px/20px sans-serif')};
}
.cf-input.cf-input-number { width: 6.5rem; text-align: end; }
.cf-input:hover:not(:focus):not([readonly]), .cf-select:hover:not(:focus):not(:disabled) { background: ${token('color.background.input.hovered', '#F8F8F8')}; }
.cf-input:focus, .cf-select:focus {
  outline: none; border-color: ${token('color.border.focused', '#4688EC')};
  box-shadow: inset 0 0 0 1px ${token('color.border.focused', '#4688EC')};
}
.cf-input[aria-invalid="true"] { border-color: ${token('color.border.danger', '#E2483D')}; box-shadow: inset 0 0 0 1px ${token('color.border.danger', '#E2483D')}; }
.cf-input[readonly] { border-color: transparent; background: ${token('color.background.neutral.subtle', 'transparent')}; padding-inline-start: 0; }
.cf-input-number[readonly] { text-align: start; width: auto; max-width: 6.5rem; }
.cf-unit { color: ${token('color.text.subtle', '#505258')}; white-space: nowrap; }
.cf-choice { display: grid; grid-template-columns: auto 1fr; gap: 0 ${token('space.100', '8px')}; align-items: start; }
.cf-choice input { width: 1rem; height: 1rem; margin: 2px 0 0; accent-color: ${token('color.background.selected.bold', '#1868DB')}; }
.cf-choice .cf-hint { grid-column: 2; }
.cf-choices { display: grid; gap: ${token('space.100', '8px')}; }
.cf-choices-inline { display: flex; flex-wrap: wrap; gap: ${token('space.100', '8px')} ${token('space.300', '24px')}; }
.cf-chips { display: flex; flex-wrap: wrap; gap: ${token('space.050', '4px')}; margin: 0; padding: 0; list-style: none; }
.cf-chip {
  display: inline-flex; align-items: center; gap: ${token('space.025', '2px')}; max-width: 100%;
  padding: 0 0 0 ${token('space.100', '8px')}; min-height: 1.5rem;
  border-radius: ${token('radius.small', '3px')}; background: ${token('color.background.neutral', '#0515240F')};
  color: ${token('color.text', '#292A2E')}; overflow-wrap: anywhere;
}
.cf-chip-readonly { padding-inline-end: ${token('space.100', '8px')}; }
.cf-chip button {
  display: inline-grid; place-items: center; width: 1.5rem; height: 1.5rem; padding: 0;
  border: none; border-radius: ${token('radius.small', '3px')}; background: none; color: ${token('color.icon.subtle', '#505258')};
  font-size: 16px; line-height: 1; cursor: pointer;
}
.cf-chip button:hover { background: ${token('color.background.neutral.hovered', '#0B120E24')}; color: ${token('color.icon', '#292A2E')}; }
.cf-chip button:focus-visible, .cf-settings .cf-button:focus-visible, .cf-choice input:focus-visible {
  outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px;
}
.cf-measures { display: grid; gap: ${token('space.150', '12px')}; }
.cf-measure {
  margin: 0; padding: ${token('space.150', '12px')} ${token('space.200', '16px')} ${token('space.200', '16px')};
  border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; min-width: 0;
}
.cf-measure legend { padding: 0 ${token('space.050', '4px')}; font: ${token('font.heading.xsmall', 'normal 653 14px/16px sans-serif')}; }
.cf-off { color: ${token('color.text.subtlest', '#6B6E76')}; font-weight: ${token('font.weight.regular', '400')}; }
.cf-measure > .cf-hint { margin-bottom: ${token('space.150', '12px')}; }
.cf-measure-fields { display: flex; flex-wrap: wrap; gap: ${token('space.150', '12px')} ${token('space.300', '24px')}; align-items: start; }
.cf-settings form { position: relative; }
.cf-scroll-probes { position: absolute; top: 0; left: 0; width: 1px; height: 100%; overflow: hidden; pointer-events: none; }
.cf-actions-row {
  display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100', '8px')};
  padding: ${token('space.200', '16px')} 0; border-top: 1px solid ${token('color.border', '#0B120E24')};
}
.cf-actions-slot { flex: 1 1 20rem; min-width: 0; }
.cf-actions { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100', '8px')}; }
.cf-actions[data-floating="true"] {
  position: fixed; left: 0; right: 0; z-index: 10; margin-bottom: -4px;
  padding: ${token('space.150', '12px')} ${token('space.200', '16px')} calc(${token('space.150', '12px')} + 4px);
  background: ${token('elevation.surface.overlay', '#FFFFFF')}; color: ${token('color.text', '#292A2E')};
  border-top: 1px solid ${token('color.border', '#0B120E24')};
  box-shadow: ${token('elevation.shadow.overflow', '0px 0px 8px #1E1F2128, 0px 0px 1px #1E1F211f')};
}
.cf-actions-status { flex: 1 1 12rem; margin: 0; color: ${token('color.text.subtle', '#505258')}; }
.cf-actions-status[data-dirty="true"]::before {
  content: ""; display: inline-block; width: 8px; height: 8px; margin-inline-end: ${token('space.075', '6px')};
  border-radius: 50%; background: ${token('color.icon.warning', '#E06C00')}; vertical-align: middle;
}
.cf-actions-status:focus { outline: none; }
.cf-actions-status:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; }
.cf-message:focus { outline: none; }
.cf-message:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; }
.cf-field-list { margin: 0; padding-inline-start: ${token('space.250', '20px')}; }
.cf-link-button {
  padding: 0; border: none; background: none; color: ${token('color.link', '#1868DB')};
  font: inherit; text-align: start; text-decoration: underline; cursor: pointer;
}
.cf-link-button:hover { color: ${token('color.link.pressed', '#144794')}; }
.cf-link-button:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; }
.cf-button.cf-button-primary { background: ${token('color.background.brand.bold', '#1868DB')}; color: ${token('color.text.inverse', '#FFFFFF')}; }
.cf-button.cf-button-primary:hover { background: ${token('color.background.brand.bold.hovered', '#1558BC')}; }
.cf-button.cf-button-primary:active { background: ${token('color.background.brand.bold.pressed', '#144794')}; }
.cf-button.cf-button-danger { background: ${token('color.background.danger.bold', '#C9372C')}; color: ${token('color.text.inverse', '#FFFFFF')}; }
.cf-button.cf-button-danger:hover { background: ${token('color.background.danger.bold.hovered', '#AE2E24')}; }
.cf-button.cf-button-danger:active { background: ${token('color.background.danger.bold.pressed', '#872821')}; }
.cf-button.cf-button-subtle { background: none; }
.cf-button.cf-button-subtle:hover { background: ${token('color.background.neutral.subtle.hovered', '#0515240F')}; }
.cf-settings .cf-button:disabled, .cf-settings .cf-button:disabled:hover {
  background: ${token('color.background.disabled', '#17171708')}; color: ${token('color.text.disabled', '#080F214A')}; cursor: not-allowed;
}
.cf-message {
  display: grid; gap: ${token('space.100', '8px')}; justify-items: start; margin: 0 0 ${token('space.200', '16px')};
  padding: ${token('space.200', '16px')}; border-radius: ${token('radius.small', '3px')};
  background: ${token('color.background.information', '#E9F2FE')}; color: ${token('color.text', '#292A2E')};
}
.cf-message[data-appearance="warning"] { background: ${token('color.background.warning', '#FFF5DB')}; }
.cf-message[data-appearance="error"] { background: ${token('color.background.danger', '#FFECEB')}; }
.cf-message[data-appearance="success"] { background: ${token('color.background.success', '#EFFFD6')}; }
.cf-message strong { font: ${token('font.heading.xsmall', 'normal 653 14px/16px sans-serif')}; }
.cf-message p { margin: 0; }
.cf-message-actions { display: flex; flex-wrap: wrap; gap: ${token('space.100', '8px')}; }
.cf-confirm {
  position: static; box-sizing: border-box; width: 100%; max-width: 32rem; margin: ${token('space.150', '12px')} 0 0;
  padding: ${token('space.200', '16px')};
  border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')};
  background: ${token('elevation.surface.raised', '#FFFFFF')}; color: ${token('color.text', '#292A2E')};
  box-shadow: ${token('elevation.shadow.raised', '0px 1px 1px #1E1F2140, 0px 0px 1px #1E1F214f')};
}
.cf-confirm h4 { margin: 0 0 ${token('space.100', '8px')}; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-confirm p { margin: 0 0 ${token('space.150', '12px')}; }
.cf-confirm .cf-message-actions { margin-top: ${token('space.150', '12px')}; }
.cf-data-actions { display: grid; gap: ${token('space.200', '16px')}; }
@media (max-width: 30rem) {
  .cf-input, .cf-select { max-width: none; }
  .cf-measure { padding: ${token('space.100', '8px')} ${token('space.150', '12px')} ${token('space.150', '12px')}; }
  .cf-actions .cf-button, .cf-actions-row > .cf-button { flex: 1 1 auto; justify-content: center; }
  .cf-actions[data-floating="true"] { padding: ${token('space.100', '8px')} ${token('space.150', '12px')} calc(${token('space.100', '8px')} + 4px); gap: ${token('space.050', '4px')} ${token('space.100', '8px')}; }
  .cf-actions[data-floating="true"] .cf-actions-status { flex-basis: 100%; order: -1; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
}
`;

export function SettingsStyles() {
  return <style>{CSS}</style>;
}
