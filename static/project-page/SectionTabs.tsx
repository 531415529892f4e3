import { APP_MESSAGES } from '../../contract/i18n/app-messages';
import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../shared/i18n/I18nProvider';
import { SECTIONS, SECTION_LABEL_KEYS, type SectionId } from './sections';

export const PANEL_ID = 'cf-section-panel';
export const tabIdOf = (section: SectionId): string => `cf-tab-${section}`;

/**
 * The WAI-ARIA tabs pattern with manual activation: arrow keys, Home and End move focus
 * along the tabs; Enter or Space (or a click) opens the focused section. Manual activation
 * because opening a section may call the backend.
 */
export function SectionTabs({ current, onSelect }: { current: SectionId; onSelect: (section: SectionId) => void }) {
  const t = useT(APP_MESSAGES);
  const tabs = useRef(new Map<SectionId, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = SECTIONS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const section = SECTIONS[target];
    if (section) tabs.current.get(section)?.focus();
  };

  return (
    <div role="tablist" aria-label={t('nav.label')} className="cf-tablist">
      {SECTIONS.map((section, index) => {
        const selected = section === current;
        return (
          <button
            key={section}
            ref={(element) => {
              if (element) tabs.current.set(section, element);
              else tabs.current.delete(section);
            }}
            type="button"
            role="tab"
            id={tabIdOf(section)}
            className="cf-tab"
            aria-selected={selected}
            aria-controls={selected ? PANEL_ID : undefined}
            tabIndex={selected ? 0 : -1}
            data-testid={`tab-${section}`}
            onClick={() => {
              onSelect(section);
            }}
            onKeyDown={(event) => {
              onKeyDown(event, index);
            }}
          >
            {t(SECTION_LABEL_KEYS[section])}
          </button>
        );
      })}
    </div>
  );
}
