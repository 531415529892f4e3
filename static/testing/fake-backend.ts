import type { Envelope, PayloadOf, ResolverKey, ResponseOf } from '../../contract';
import type { BackendClient } from '../shared/backend-client';

export interface FakeBackend extends BackendClient {
  /** Every call, in order, as the UI made it. */
  readonly calls: { key: ResolverKey; payload: unknown }[];
}

type Answers = { [K in ResolverKey]?: (payload: PayloadOf<K>) => Envelope<ResponseOf<K>> };

/** A backend client answering from `answers`; a key without an answer fails with NOT_FOUND. */
export function createFakeBackend(answers: Answers): FakeBackend {
  const calls: { key: ResolverKey; payload: unknown }[] = [];
  return {
    calls,
    call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<Envelope<ResponseOf<K>>> {
      calls.push({ key, payload });
      const answer = answers[key] as ((payload: PayloadOf<K>) => Envelope<ResponseOf<K>>) | undefined;
      return Promise.resolve(answer ? answer(payload) : { ok: false, error: { code: 'NOT_FOUND', message: `no fake answer for ${key}` } });
    },
  };
}
