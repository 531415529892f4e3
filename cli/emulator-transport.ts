import type { JiraTransport } from '../src/adapters/jira/jira-client';
import type { JiraEmulator } from '../local/jira/emulator';

/** Any origin does: the emulator routes on the path alone. */
const EMULATOR_ORIGIN = 'https://emulator.invalid';

/** A `JiraTransport` answered in-process by the emulator, so the CLI runs the production read path. */
export function emulatorTransport(emulator: JiraEmulator): JiraTransport {
  return (path, init = {}) =>
    emulator.handle(
      new Request(new URL(path, EMULATOR_ORIGIN), {
        method: init.method ?? 'GET',
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.body !== undefined ? { body: init.body } : {}),
      }),
    );
}
