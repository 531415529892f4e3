import { kvs } from '@forge/kvs';
import type { SecretStore } from '../../application/delivery/secret-store';
import { kvsCall } from './kvs-call';
import { secretKey } from './storage-keys';

/** Secrets in Forge KVS (`kvs.setSecret`: encrypted at rest, readable only by the app's functions). */
export class KvsSecretStore implements SecretStore {
  async get(name: 'mail-api-key', projectId: string): Promise<string | undefined> {
    const value = await kvsCall(`read secret ${name}`, () => kvs.getSecret<unknown>(secretKey(name, projectId)));
    return typeof value === 'string' ? value : undefined;
  }

  async set(name: 'mail-api-key', projectId: string, value: string): Promise<void> {
    await kvsCall(`write secret ${name}`, () => kvs.setSecret(secretKey(name, projectId), value));
  }

  async delete(name: 'mail-api-key', projectId: string): Promise<void> {
    await kvsCall(`delete secret ${name}`, () => kvs.deleteSecret(secretKey(name, projectId)));
  }
}
