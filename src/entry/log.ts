import type { Logger } from '../application/ports';

/**
 * The app's log lines: Forge keeps a function's console output in the developer console
 * (`forge logs`). One JSON line each, so fields can be searched; never payloads or tokens.
 */
export const consoleLogger: Logger & { error(message: string, fields?: Readonly<Record<string, string | number>>): void } = {
  warn(message, fields) {
    // eslint-disable-next-line no-console -- Forge's log sink is the console
    console.warn(JSON.stringify({ level: 'warn', message, ...fields }));
  },
  error(message, fields) {
    // eslint-disable-next-line no-console -- Forge's log sink is the console
    console.error(JSON.stringify({ level: 'error', message, ...fields }));
  },
};
