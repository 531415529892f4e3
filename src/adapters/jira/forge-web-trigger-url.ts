import { webTrigger } from '@forge/api';

/**
 * The public URL of one of the app's web triggers in this installation (stable per module,
 * app, site and environment).
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/web-trigger-api/
 */
export function forgeWebTriggerUrl(moduleKey: string): Promise<string> {
  return webTrigger.getUrl(moduleKey);
}
