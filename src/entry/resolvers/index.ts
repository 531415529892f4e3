import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import type { Envelope, ResolverKey, ResponseOf } from '../../../contract';
import { changesHandlers } from './changes-handlers';
import { commsHandlers } from './comms-handlers';
import { deliveryHandlers } from './delivery-handlers';
import { engagementHandlers } from './engagement-handlers';
import { feedbackHandlers } from './feedback-handlers';
import { projectHandlers } from './project-handlers';
import { risksHandlers } from './risks-handlers';
import { reportHandlers } from './report-handlers';
import { settingsHandlers } from './settings-handlers';
import { shareHandlers } from './share-handlers';
import { closingHandlers } from './closing-handlers';
import { acceptanceHandlers } from './acceptance-handlers';

type Handler<K extends ResolverKey> = (request: { payload: unknown; context: unknown }) => Promise<Envelope<ResponseOf<K>>>;

/** Every contract key has exactly one handler: a missing or misspelt key fails to compile. */
export const resolverHandlers: { [K in ResolverKey]: Handler<K> } = {
  ...projectHandlers,
  ...settingsHandlers,
  ...commsHandlers,
  ...changesHandlers,
  ...risksHandlers,
  ...feedbackHandlers,
  ...reportHandlers,
  ...deliveryHandlers,
  ...engagementHandlers,
  ...shareHandlers,
  ...closingHandlers,
  ...acceptanceHandlers,
};

const dispatch = makeResolver(resolverHandlers);
const callSchema = z.looseObject({ call: z.looseObject({ functionKey: z.string() }) });

/**
 * The resolver function behind both UI modules. `makeResolver` (a named export) rather than
 * the default `Resolver` class: the same import works under Forge's bundler and plain Node ESM.
 * Only the app's own keys reach it: `@forge/resolver` looks keys up with `in`, so `constructor`
 * or `toString` would otherwise call Object's methods and echo the context.
 */
export async function resolverDefinitions(request: unknown, runtime: unknown): Promise<unknown> {
  const call = callSchema.safeParse(request);
  const key = call.success ? call.data.call.functionKey : undefined;
  if (key === undefined || !Object.hasOwn(resolverHandlers, key)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: 'No such resolver function' } } satisfies Envelope<never>;
  }
  return dispatch(request as Parameters<typeof dispatch>[0], runtime as Parameters<typeof dispatch>[1]);
}
