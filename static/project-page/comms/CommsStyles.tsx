import { token } from '@atlaskit/tokens';

/** The Communication section's own layout; fields, buttons and messages come from the Settings styles. */
const CSS = `
.cf-comms { max-width: 60rem; }
.cf-comms h3 { margin: 0 0 ${token('space.150', '12px')}; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-comms h4 { margin: 0 0 ${token('space.100', '8px')}; font: ${token('font.heading.xsmall', 'normal 653 14px/16px sans-serif')}; }
.cf-comms-subheading { margin: ${token('space.100', '8px')} 0 ${token('space.050', '4px')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; font-weight: ${token('font.weight.bold', '653')}; color: ${token('color.text.subtle', '#505258')}; }
.cf-comms-due { margin: 0 0 ${token('space.200', '16px')}; padding: ${token('space.200', '16px')}; border-radius: ${token('radius.medium', '6px')}; background: ${token('color.background.neutral', '#0515240F')}; }
.cf-comms-due [data-state="overdue"] { color: ${token('color.text.danger', '#AE2E24')}; }
.cf-comms-records { display: grid; gap: ${token('space.150', '12px')}; margin: 0 0 ${token('space.200', '16px')}; padding: 0; list-style: none; }
.cf-comms-record {
  display: grid; gap: ${token('space.050', '4px')}; min-width: 0; padding: ${token('space.150', '12px')};
  border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; overflow-wrap: anywhere;
}
.cf-comms-meta { color: ${token('color.text.subtle', '#505258')}; }
.cf-comms-row-actions { display: flex; flex-wrap: wrap; gap: ${token('space.100', '8px')}; }
.cf-comms-list { margin: 0; padding-inline-start: ${token('space.250', '20px')}; }
.cf-comms-list li + li { margin-top: ${token('space.050', '4px')}; }
.cf-comms-editor {
  display: grid; gap: ${token('space.200', '16px')}; margin: 0 0 ${token('space.200', '16px')}; padding: ${token('space.200', '16px')};
  border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')};
  background: ${token('elevation.surface.raised', '#FFFFFF')};
}
.cf-comms-grid { display: grid; gap: ${token('space.200', '16px')}; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); }
.cf-comms-fieldset { margin: 0; padding: ${token('space.150', '12px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; min-width: 0; display: grid; gap: ${token('space.150', '12px')}; }
.cf-textarea { height: auto; min-height: 4.5rem; max-width: none; padding: ${token('space.100', '8px')}; resize: vertical; }
.cf-comms .cf-button:focus-visible, .cf-comms .cf-choice input:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; }
.cf-comms-next { overflow-x: auto; }
.cf-comms-next table { border-collapse: collapse; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-comms-next caption { text-align: start; color: ${token('color.text.subtle', '#505258')}; font-weight: ${token('font.weight.bold', '653')}; padding-bottom: ${token('space.050', '4px')}; }
.cf-comms-next th, .cf-comms-next td { padding: ${token('space.025', '2px')} ${token('space.150', '12px')} ${token('space.025', '2px')} 0; text-align: start; white-space: nowrap; }
.cf-comms-agenda { margin-top: ${token('space.100', '8px')}; padding: ${token('space.150', '12px')}; border-radius: ${token('radius.medium', '6px')}; background: ${token('color.background.neutral.subtle', '#00000000')}; border: 1px dashed ${token('color.border', '#0B120E24')}; }
.cf-comms-agenda p { margin: 0; }
.cf-comms .cf-select.cf-comms-inline-select { width: auto; height: 2rem; margin-inline: ${token('space.050', '4px')}; }
.cf-comms-notice:empty { display: none; }
.cf-comms-notice:focus { outline: none; }
.cf-comms-notice:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; }
.cf-comms-notice { margin: 0 0 ${token('space.100', '8px')}; color: ${token('color.text.success', '#4C6B1F')}; }
`;

export function CommsStyles() {
  return <style>{CSS}</style>;
}
