import { AppError } from '../../application/app-error';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/u;

/**
 * Project keys go into paths and JQL; only a well-formed key may (letters, digits and `_`,
 * starting with a letter), so neither can be broken out of.
 * @throws AppError INVALID_PAYLOAD for anything else.
 */
export function projectKeyPath(projectKey: string): string {
  if (!PROJECT_KEY.test(projectKey)) throw new AppError('INVALID_PAYLOAD', 'Not a Jira project key');
  return projectKey;
}

/** Whether `text` is a well-formed Jira project key. */
export function isProjectKey(text: string): boolean {
  return PROJECT_KEY.test(text);
}
