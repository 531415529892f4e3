import { token } from '@atlaskit/tokens';

/** The Feedback section's own layout; fields, buttons and messages come from the Settings styles. */
const CSS = `
.cf-feedback { max-width: 60rem; }
.cf-feedback h3 { margin: 0 0 ${token('space.150', '12px')}; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-feedback-figures { display: grid; gap: ${token('space.150', '12px')}; grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr)); margin: 0 0 ${token('space.200', '16px')}; padding: 0; list-style: none; }
.cf-feedback-figure { display: grid; gap: ${token('space.050', '4px')}; padding: ${token('space.150', '12px')}; border-radius: ${token('radius.medium', '6px')}; background: ${token('color.background.neutral', '#0515240F')}; }
.cf-feedback-figure dt, .cf-feedback-figure span { color: ${token('color.text.subtle', '#505258')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-feedback-figure strong { font: ${token('font.heading.medium', 'normal 653 20px/24px sans-serif')}; }
.cf-feedback-overdue { color: ${token('color.text.danger', '#AE2E24')}; font-weight: ${token('font.weight.bold', '653')}; }
.cf-csat-plot { display: block; width: 100%; max-width: 40rem; height: 120px; }
.cf-csat-bar { fill: ${token('color.background.discovery.bold', '#8270DB')}; }
.cf-csat-grid { stroke: ${token('color.border', '#0B120E24')}; stroke-width: 0.02; }
.cf-csat-axis { display: grid; grid-template-columns: repeat(12, minmax(0, 1fr)); max-width: 40rem; margin: 0; padding: 0; list-style: none; color: ${token('color.text.subtlest', '#6B6E76')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-csat-axis li { text-align: center; overflow: hidden; white-space: nowrap; }
@media (max-width: 30rem) { .cf-csat-axis li:nth-child(odd) { visibility: hidden; } }
.cf-feedback-records { display: grid; gap: ${token('space.150', '12px')}; margin: 0 0 ${token('space.200', '16px')}; padding: 0; list-style: none; }
.cf-feedback-record { display: grid; gap: ${token('space.050', '4px')}; min-width: 0; padding: ${token('space.150', '12px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; overflow-wrap: anywhere; }
.cf-feedback-meta { color: ${token('color.text.subtle', '#505258')}; }
.cf-feedback-editor { display: grid; gap: ${token('space.200', '16px')}; margin: 0 0 ${token('space.200', '16px')}; padding: ${token('space.200', '16px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; background: ${token('elevation.surface.raised', '#FFFFFF')}; }
.cf-feedback-grid { display: grid; gap: ${token('space.150', '12px')}; grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr)); align-items: end; }
.cf-feedback .cf-textarea { height: auto; min-height: 4.5rem; max-width: none; padding: ${token('space.100', '8px')}; resize: vertical; }
.cf-feedback .cf-button:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; }
.cf-feedback-notice:empty { display: none; }
.cf-feedback-notice:focus { outline: none; }
.cf-feedback-notice { margin: 0 0 ${token('space.100', '8px')}; color: ${token('color.text.success', '#4C6B1F')}; }
.cf-feedback-scroll { overflow-x: auto; }
.cf-lozenge { display: inline-block; padding: 0 ${token('space.050', '4px')}; border-radius: ${token('radius.small', '3px')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; font-weight: ${token('font.weight.bold', '653')}; text-transform: uppercase; background: ${token('color.background.neutral', '#0515240F')}; color: ${token('color.text', '#292A2E')}; }
.cf-lozenge[data-status="open"] { background: ${token('color.background.danger', '#FFECEB')}; color: ${token('color.text.danger', '#AE2E24')}; }
.cf-lozenge[data-status="in-progress"] { background: ${token('color.background.information', '#E9F2FE')}; color: ${token('color.text.information', '#1558BC')}; }
.cf-lozenge[data-status="resolved"] { background: ${token('color.background.success', '#EFFFD6')}; color: ${token('color.text.success', '#4C6B1F')}; }
`;

export function FeedbackStyles() {
  return <style>{CSS}</style>;
}
