import type { PayloadOf } from '../../contract';

export type Audience = 'internal' | 'client';

/**
 * The payload for each audience, as module constants: `useResolver` refetches when its
 * payload object changes, so each audience must keep one stable object. The project comes
 * from the Forge context, so no key is sent.
 */
const PAYLOADS: Readonly<Record<Audience, PayloadOf<'project/report'>>> = {
  internal: { audience: 'internal' },
  client: { audience: 'client' },
};

export function reportPayloadOf(audience: Audience): PayloadOf<'project/report'> {
  return PAYLOADS[audience];
}
