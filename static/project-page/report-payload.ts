import type { PayloadOf } from '../../contract';
import type { AppLocale } from '../shared/i18n/i18n';

export type Audience = 'internal' | 'client';

/**
 * The payload for each audience, as module constants: `useResolver` refetches when its
 * payload object changes, so each audience must keep one stable object. The project comes
 * from the Forge context, so no key is sent.
 */
const PAYLOADS: Readonly<Record<AppLocale, Readonly<Record<Audience, PayloadOf<'project/report'>>>>> = {
  en: { internal: { audience: 'internal', lang: 'en' }, client: { audience: 'client', lang: 'en' } },
  'zh-CN': { internal: { audience: 'internal', lang: 'zh-CN' }, client: { audience: 'client', lang: 'zh-CN' } },
};

/** Also names the UI's language, so the report's sentences match the page around them. */
export function reportPayloadOf(audience: Audience, locale: AppLocale): PayloadOf<'project/report'> {
  return PAYLOADS[locale][audience];
}
