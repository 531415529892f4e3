/**
 * `tsx bench/emulator-server.ts ISSUES`: serves a generated scale project over HTTP on
 * 127.0.0.1 (random port) with the Jira emulator, in its own process, so a reader measured in
 * another process does not count the emulator's memory. Prints `READY <origin>` when listening.
 * `GET /__bench/stats` answers the calls metered since `POST /__bench/reset` (see `JiraMeter`)
 * and the emulator's own counters, with the dataset's size and issues needing history.
 */
import { createServer } from 'node:http';
import { generateScaleDataset } from '../local/jira/demo-generator';
import { JiraEmulator } from '../local/jira/emulator';
import { BENCH_NOW, BENCH_SEED } from './bench-settings';
import { countIssuesNeedingHistory } from './history-oracle';
import { JiraMeter } from './jira-meter';

const issues = Number(process.argv[2]);
if (!Number.isInteger(issues) || issues <= 0) {
  process.stderr.write('usage: emulator-server.ts ISSUES\n');
  process.exit(2);
}
const dataset = generateScaleDataset({ issues, seed: BENCH_SEED, now: BENCH_NOW });
/** What the call budgets are computed from: the data as generated, before any request. */
const datasetFigures = { issues, needingHistory: countIssuesNeedingHistory(dataset) };
const emulator = new JiraEmulator({ datasets: [dataset], now: () => BENCH_NOW });
const { meter } = JiraMeter.attach(emulator);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      if (req.url === '/__bench/stats') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ meter: meter.read(), emulator: emulator.stats(), dataset: datasetFigures }));
        return;
      }
      if (req.url === '/__bench/reset') {
        meter.reset();
        emulator.resetStats();
        res.writeHead(204).end();
        return;
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
      const response = await emulator.handle(
        new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
});
// Why long: a sync's derive step runs for seconds without a call, and a client reusing a
// connection the server closed meanwhile fails ("other side closed") instead of retrying a POST.
server.keepAliveTimeout = 10 * 60_000;
server.headersTimeout = server.keepAliveTimeout + 1_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  process.stdout.write(`READY http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
