/** One printed figure of `npm run bench`, and the helpers every bench process shares. */
import { spawn } from 'node:child_process';

export interface Row {
  measure: string;
  value: string;
  budget: string;
  verdict: string;
}

export const MB = 1024 * 1024;

/** Child processes print their figures as `ROW {json}` lines; `bench/run.ts` collects them. */
export function emitRow(row: Row): void {
  process.stdout.write(`ROW ${JSON.stringify(row)}\n`);
}

export const verdict = (ok: boolean): string => (ok ? 'within' : 'OVER');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
export const fmtMb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;
export const fmtInt = (n: number): string => n.toLocaleString('en');

/** Progress on stderr, so it never mixes with `ROW` and `RESULT` lines. */
export function progress(what: string): void {
  process.stderr.write(`  bench: ${what}\n`);
}

export interface Child {
  done: Promise<number>;
  kill: () => void;
}

/** A node child running `args`, its stdout split into lines for `onLine`; stderr passes through. */
export function runChild(args: readonly string[], onLine: (line: string) => void, cwd: string): Child {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  });
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', kill);
  return { done, kill };
}

/**
 * Runs a bench child to its end and answers the JSON of its `RESULT` line; `ROW` lines pass on
 * to `rows`. `--trace-gc` lines, when asked for, feed `onGc`.
 */
export async function childResult<T>(
  args: readonly string[],
  cwd: string,
  options: { rows?: Row[]; onGc?: (line: string) => void } = {},
): Promise<T> {
  let result: T | undefined;
  const child = runChild(
    args,
    (line) => {
      if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7)) as T;
      else if (line.startsWith('ROW ')) options.rows?.push(JSON.parse(line.slice(4)) as Row);
      else options.onGc?.(line);
    },
    cwd,
  );
  const code = await child.done;
  if (code !== 0 || result === undefined) throw new Error(`${args.filter((a) => a.endsWith('.ts')).join(' ')} exited ${code}`);
  return result;
}

/**
 * `--trace-gc` line of a full GC: "... Mark-Compact 120.3 (131.0) -> 98.2 (130.5) MB, ...".
 * Answers the heap used after it (the live heap then), in MB, or undefined for other lines.
 */
export function markCompactAfterMb(line: string): number | undefined {
  const m = /Mark-Compact(?: \([a-z ]+\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/u.exec(line);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}
