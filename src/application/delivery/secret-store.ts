/** Secrets a project's admin enters (the mail provider's API key): write-only from the page. */
export interface SecretStore {
  get(name: 'mail-api-key', projectId: string): Promise<string | undefined>;
  set(name: 'mail-api-key', projectId: string, value: string): Promise<void>;
  delete(name: 'mail-api-key', projectId: string): Promise<void>;
}
