/**
 * `client-followup`: derives the status report from a dataset file (served by the Jira emulator
 * in-process and read through the real adapter) or from a live Jira Cloud site, and prints it.
 */
import { isAppError } from '../src/application/app-error';
import { DatasetError } from '../local/jira/dataset';
import { parseArgs, USAGE, UsageError } from './parse-args';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The current time, when --now is not given. */
  clock?: () => Date;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/gu, ' ').trim();
}

/** Runs the CLI; returns the exit code. Errors are one line on stderr, output goes to stdout. */
export async function runCli(args: readonly string[], env: Readonly<Record<string, string | undefined>>, io: CliIo): Promise<number> {
  try {
    const command = parseArgs(args, env);
    if (command.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    // Loaded only for a valid command, so usage errors answer fast.
    const { runReport } = await import('./report-command');
    io.stdout.write(await runReport(command, io.clock ?? (() => new Date())));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DatasetError) {
      io.stderr.write(`client-followup: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (isAppError(error)) {
      io.stderr.write(`client-followup: ${error.code}: ${oneLine(error.message)}\n`);
      return EXIT_FAILED;
    }
    io.stderr.write(`client-followup: unexpected error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT_FAILED;
  }
}
