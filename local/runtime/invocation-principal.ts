/**
 * Who the current function invocation runs for. Forge answers `asUser()` as the user whose action
 * invoked the function; locally the invocation's account travels with its async work, so
 * concurrent invocations for different accounts never see each other's user.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface InvocationPrincipal {
  /** The invoking user; absent for web triggers, scheduled triggers, product events and queue consumers. */
  accountId?: string;
}

const storage = new AsyncLocalStorage<InvocationPrincipal>();

export function runAsPrincipal<T>(principal: InvocationPrincipal, run: () => T): T {
  return storage.run(principal, run);
}

/** The invoking user's account, or `undefined` outside a user invocation. */
export function currentAccountId(): string | undefined {
  return storage.getStore()?.accountId;
}

/** Whether the caller runs inside an app function invocation (any kind, with or without a user). */
export function insideInvocation(): boolean {
  return storage.getStore() !== undefined;
}
