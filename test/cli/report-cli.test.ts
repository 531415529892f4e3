/**
 * The real `client-followup` binary, spawned as a user would run it: invalid input gives one
 * line and exit 2; a demo dataset gives a schema-valid report in every format.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientStatusReportSchema, type ClientStatusReportJson } from '../../contract/client-report';
import { statusReportSchema, type StatusReportJson } from '../../contract/report';
import type { Dataset } from '../../local/jira/dataset';
import { DEMO_NOW, ROOT_DIR, demoDatasets } from '../support/local-app';

const BIN = path.join(ROOT_DIR, 'bin', 'client-followup.mjs');
const NOW = DEMO_NOW.toISOString();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JIRA_')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT_DIR, env: { ...baseEnv, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;
let acme: Dataset;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cf-cli-'));
  const [first, second] = demoDatasets();
  if (!first || !second) throw new Error('demo datasets missing');
  acme = first;
  writeFileSync(file('acme.json'), JSON.stringify(first));
  writeFileSync(file('hz.json'), JSON.stringify(second));
  writeFileSync(file('malformed.json'), '{"project": {"id": "1", "key": "X", "name": "X"}, "issues": [');
  writeFileSync(file('no-project.json'), JSON.stringify({ issues: [] }));
  writeFileSync(file('no-issues.json'), JSON.stringify({ project: { id: '1', key: 'X', name: 'X' } }));
  writeFileSync(file('array.json'), '[]');
  writeFileSync(file('bad-key.json'), JSON.stringify({ ...second, project: { ...second.project, key: 'hz-1' } }));
  writeFileSync(file('bom.json'), `\uFEFF${JSON.stringify(second)}`);
  writeFileSync(file('settings-malformed.json'), '{"thresholds": ');
  writeFileSync(file('settings-array.json'), '[]');
  writeFileSync(file('settings-unknown.json'), JSON.stringify({ colour: 'red' }));
  writeFileSync(file('settings-order.json'), JSON.stringify({ thresholds: { creepAmber: 0.01 } }));
  writeFileSync(file('settings-mode.json'), JSON.stringify({ clientVisibility: { mode: 'some' } }));
  writeFileSync(file('settings-zone.json'), JSON.stringify({ timeZone: 'Mars/Olympus_Mons' }));
  writeFileSync(file('settings-paris.json'), JSON.stringify({ timeZone: 'Europe/Paris' }));
  writeFileSync(
    file('settings-all.json'),
    `\uFEFF${JSON.stringify({ clientVisibility: { mode: 'all' }, defaultClientLanguage: 'zh-CN' })}`,
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('client-followup: invalid input', () => {
  const cases: [string, () => string[], RegExp, Record<string, string>?][] = [
    ['a missing file', () => ['report', '--dataset', file('nope.json')], /nope\.json: cannot read dataset file \(ENOENT\)/u],
    ['malformed JSON', () => ['report', '--dataset', file('malformed.json')], /malformed\.json: not valid JSON/u],
    ['a dataset without project', () => ['report', '--dataset', file('no-project.json')], /"project" is required/u],
    ['a dataset without issues', () => ['report', '--dataset', file('no-issues.json')], /"issues" is required/u],
    ['a dataset that is not an object', () => ['report', '--dataset', file('array.json')], /expected a JSON object/u],
    ['an unknown flag', () => ['report', '--dataset', file('acme.json'), '--colour', 'red'], /unknown option --colour/u],
    ['a flag without its value', () => ['report', '--dataset'], /--dataset needs a value/u],
    ['a repeated flag', () => ['report', '--dataset', 'a', '--dataset', 'b'], /--dataset is given more than once/u],
    ['a bad --now', () => ['report', '--dataset', file('acme.json'), '--now', 'last tuesday'], /--now must be an ISO 8601/u],
    [
      'a bad --audience',
      () => ['report', '--dataset', file('acme.json'), '--audience', 'board'],
      /--audience must be internal or client \(got 'board'\)/u,
    ],
    [
      'a bad --format',
      () => ['report', '--dataset', file('acme.json'), '--format=pdf'],
      /--format must be json or markdown or html \(got 'pdf'\)/u,
    ],
    ['a bad --lang', () => ['report', '--dataset', file('acme.json'), '--lang', 'fr'], /--lang must be en or zh-CN \(got 'fr'\)/u],
    ['--site without credentials', () => ['report', '--site', 'https://acme.atlassian.net', '--project', 'ACME'], /JIRA_EMAIL is not set/u],
    [
      '--site without a token',
      () => ['report', '--site', 'https://acme.atlassian.net', '--project', 'ACME'],
      /JIRA_API_TOKEN is not set/u,
      { JIRA_EMAIL: 'pm@example.com' },
    ],
    ['--site without --project', () => ['report', '--site', 'https://acme.atlassian.net'], /--site needs --project KEY/u],
    ['--site that is not a URL', () => ['report', '--site', 'acme', '--project', 'ACME'], /--site must be an http\(s\) URL/u],
    [
      'both --dataset and --site',
      () => ['report', '--dataset', file('acme.json'), '--site', 'https://acme.atlassian.net'],
      /either --dataset or --site, not both/u,
    ],
    ['neither --dataset nor --site', () => ['report'], /give --dataset FILE or --site URL --project KEY/u],
    ['no command', () => ['--dataset', file('acme.json')], /missing command/u],
    ['an unknown command', () => ['publish', '--dataset', file('acme.json')], /unknown command 'publish'/u],
    [
      'a --project not in the dataset',
      () => ['report', '--dataset', file('acme.json'), '--project', 'OTHER'],
      /--project OTHER is not the dataset's project \(ACME\)/u,
    ],
    [
      'a dataset whose project key is not a Jira key',
      () => ['report', '--dataset', file('bad-key.json')],
      /project\.key 'hz-1' is not a Jira project key/u,
    ],
    [
      'a missing settings file',
      () => ['report', '--dataset', file('hz.json'), '--settings', file('nope.json')],
      /nope\.json: cannot read settings file \(ENOENT\)/u,
    ],
    [
      'settings that are not JSON',
      () => ['report', '--dataset', file('hz.json'), '--settings', file('settings-malformed.json')],
      /settings-malformed\.json: not valid JSON/u,
    ],
    [
      'settings that are not an object',
      () => ['report', '--dataset', file('hz.json'), '--settings', file('settings-array.json')],
      /expected a JSON object of project settings/u,
    ],
    [
      'settings with an unknown key',
      () => ['report', '--dataset', file('hz.json'), '--settings', file('settings-unknown.json')],
      /settings-unknown\.json: unknown key 'colour'/u,
    ],
    [
      'settings with amber laxer than green',
      () => ['report', '--dataset', file('hz.json'), '--settings', file('settings-order.json')],
      /settings-order\.json: thresholds\.creepAmber: amber must be at least green/u,
    ],
    [
      'settings with an unknown visibility mode',
      () => ['report', '--dataset', file('hz.json'), '--settings', file('settings-mode.json')],
      /clientVisibility\.mode: must be one of marked, types, all/u,
    ],
    [
      'settings with an unknown time zone',
      () => ['report', '--dataset', file('hz.json'), '--settings', file('settings-zone.json')],
      /timeZone: an IANA time zone/u,
    ],
  ];

  it.each(cases)('%s: one line naming it, exit 2', async (_name, args, message, env) => {
    const result = await run(args(), env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^client-followup: [^\n]+\n$/u);
    expect(result.stderr).toMatch(message);
  });
});

/** Every issue key the client's report lists, in any section. */
function clientKeysOf(report: ClientStatusReportJson): string[] {
  const { sections } = report;
  return [
    ...sections.completed.flatMap((g) => g.issues),
    ...sections.inProgress,
    ...sections.nextUp,
    ...sections.flagged,
    ...sections.blocked.map((b) => b.issue),
    ...sections.waitingOnClient,
  ].map((i) => i.key);
}

describe('client-followup report --dataset', () => {
  let internal: StatusReportJson;

  beforeAll(async () => {
    const result = await run(['report', '--dataset', file('acme.json'), '--now', NOW]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    internal = statusReportSchema.parse(JSON.parse(result.stdout));
  });

  it('prints the report JSON with the documented keys', () => {
    expect(Object.keys(internal)).toEqual(
      expect.arrayContaining(['generatedAt', 'period', 'overall', 'dimensions', 'sections', 'issueRisks', 'dataQuality']),
    );
    expect(internal.generatedAt).toBe(NOW);
    expect(internal.project.key).toBe('ACME');
    expect(Object.keys(internal.period)).toEqual(expect.arrayContaining(['start', 'end']));
    expect(Object.keys(internal.overall)).toEqual(expect.arrayContaining(['computed', 'reported']));
    expect(Object.keys(internal.dimensions)).toEqual(['schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication']);
    for (const dimension of Object.values(internal.dimensions)) expect(dimension).toHaveProperty('evidence');
    expect(Object.keys(internal.sections)).toEqual(
      expect.arrayContaining(['completed', 'inProgress', 'nextUp', 'milestones', 'risks', 'waitingOnClient']),
    );
    expect(internal.issueRisks.length).toBeGreaterThan(0);
    for (const risk of internal.issueRisks) expect(Object.keys(risk)).toEqual(expect.arrayContaining(['key', 'score', 'level', 'reasons']));
  });

  it('is reproducible for the same --now', async () => {
    const again = await run(['report', '--dataset', file('acme.json'), '--now', NOW]);
    expect(statusReportSchema.parse(JSON.parse(again.stdout))).toEqual(internal);
  });

  it('leaves internal issues out of the client version', async () => {
    const internalKeys = new Set(
      acme.issues.filter((issue) => (issue.fields['labels'] as string[] | undefined)?.includes('internal')).map((i) => i.key),
    );
    const shownInternally = internal.issueRisks.map((r) => r.key).filter((key) => internalKeys.has(key));
    expect(shownInternally.length).toBeGreaterThan(0);
    const result = await run(['report', '--dataset', file('acme.json'), '--now', NOW, '--audience', 'client']);
    expect(result.code).toBe(0);
    const client = clientStatusReportSchema.parse(JSON.parse(result.stdout));
    expect(client.audience).toBe('client');
    for (const key of shownInternally) expect(result.stdout).not.toContain(`"${key}"`);
    // No internal signal: the client's JSON has no risk, data note, evidence or visibility reason.
    expect(Object.keys(JSON.parse(result.stdout) as object)).not.toEqual(expect.arrayContaining(['issueRisks']));
    expect(result.stdout).not.toMatch(/"(issueRisks|dataQuality|evidence|score|signals|reasons|computed|clientVisibility)"/u);
    expect(clientKeysOf(client).length).toBeGreaterThan(0);
  });

  it('the client HTML and Markdown carry no link, risk score, staleness or grey dimension', async () => {
    const args = ['report', '--dataset', file('acme.json'), '--now', NOW, '--audience', 'client'];
    const html = await run([...args, '--format', 'html']);
    const markdown = await run([...args, '--format', 'markdown']);
    for (const out of [html, markdown]) {
      expect(out.code).toBe(0);
      expect(out.stdout).not.toMatch(
        /href=|\/browse\/|\]\(|Score|Issue risks|Top risks|no update for|cycle time|Not enough data|Data to check/iu,
      );
    }
    expect(html.stdout).toContain('<h2 id="milestones">Milestones</h2>');
  });

  it('prints Markdown with the project name and headings', async () => {
    const result = await run(['report', '--dataset', file('acme.json'), '--now', NOW, '--format', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`# Status report: ${acme.project.name} (ACME)`);
    for (const heading of [
      '## Overall health',
      '## Health by dimension',
      '## Milestones',
      '## Risks',
      '## Waiting on the client',
      '## Data to check in Jira',
    ]) {
      expect(result.stdout).toContain(heading);
    }
  });

  it('writes dates for a reader, instants in the settings’ time zone, in both languages', async () => {
    const args = ['report', '--dataset', file('acme.json'), '--now', NOW, '--format', 'markdown'];
    const utc = await run(args);
    expect(utc.stdout).toContain('Generated: Nov 27, 2026, 9:00 AM UTC · Period: ');
    const paris = await run([...args, '--settings', file('settings-paris.json')]);
    expect(paris.stdout).toContain('Generated: Nov 27, 2026, 10:00 AM Europe/Paris · Period: ');
    const zh = await run([...args, '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('生成时间：2026年11月27日 09:00 UTC · 报告期：');
    // No ISO instant or day is left for the reader to decode.
    for (const out of [utc.stdout, paris.stdout, zh.stdout]) expect(out).not.toMatch(/\d{4}-\d{2}-\d{2}/u);
  });

  it('prints text a reader can read in both languages: no raw instants, RAG words as written, day counts in words', async () => {
    const visibleText = (page: string) =>
      page
        .replace(/<style>[\s\S]*?<\/style>/u, '')
        .replace(/<[^>]+>/gu, ' ')
        .replace(/\s+/gu, ' ');
    for (const [lang, words] of [
      ['en', { rag: /\b(Red|Amber|Green)\b/u, late: /\d+ days? late/u, wait: /Waiting \d+ days, since [A-Z][a-z]{2} \d{1,2}, \d{4}/u }],
      ['zh-CN', { rag: /红色|黄色|绿色/u, late: /晚 \d+ 天/u, wait: /自 \d{4}年\d{1,2}月\d{1,2}日起已等待 \d+ 天/u }],
    ] as const) {
      for (const format of ['markdown', 'html']) {
        const result = await run(['report', '--dataset', file('acme.json'), '--now', NOW, '--format', format, '--lang', lang]);
        expect(result.code).toBe(0);
        const text = format === 'html' ? visibleText(result.stdout) : result.stdout;
        // No stylesheet turns the RAG words into capitals either.
        expect(result.stdout).not.toMatch(/text-transform:\s*uppercase/u);
        expect(text, `${lang} ${format}`).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/u);
        expect(text, `${lang} ${format}`).not.toMatch(/\b(RED|AMBER|GREEN|GREY)\b/u);
        expect(text, `${lang} ${format}`).toMatch(words.rag);
        expect(text, `${lang} ${format}`).toMatch(words.late);
        expect(text, `${lang} ${format}`).toMatch(words.wait);
        // Signed day counts are words, never "+44" or "-15 天"; one date format in Chinese.
        expect(text, `${lang} ${format}`).not.toMatch(/\| [+-]\d+ \||[+-]\d+ ?(days?|天)/u);
        if (lang === 'zh-CN') expect(text, format).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/u);
      }
    }
  });

  it('prints a self-contained HTML page', async () => {
    const result = await run(['report', '--dataset', file('acme.json'), '--now', NOW, '--format', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(result.stdout).toContain(acme.project.name);
    expect(result.stdout).toContain('<h2 id="dimensions">Health by dimension</h2>');
    expect(result.stdout).not.toMatch(/<script|<link|src=|href=/iu);
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const markdown = await run(['report', '--dataset', file('hz.json'), '--now', NOW, '--format', 'markdown', '--lang', 'zh-CN']);
    expect(markdown.code).toBe(0);
    for (const heading of ['# 项目状态报告', '## 整体健康度', '## 各维度健康状况', '## 里程碑', '## 等待客户'])
      expect(markdown.stdout).toContain(heading);
    const json = await run(['report', '--dataset', file('hz.json'), '--now', NOW, '--lang', 'zh-CN']);
    expect(statusReportSchema.parse(JSON.parse(json.stdout)).lang).toBe('zh-CN');
  });

  it('prints usage with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('client-followup report --dataset FILE');
  });
});

describe('client-followup report: settings, pipes and byte order marks', () => {
  /** Only the keys these tests read, so they do not depend on the rest of the report's shape. */
  const reportKeys = z.looseObject({
    project: z.looseObject({ key: z.string() }),
    lang: z.string(),
    issueRisks: z.array(z.looseObject({ key: z.string() })),
  });

  it('accepts a dataset that starts with a UTF-8 byte order mark', async () => {
    const result = await run(['report', '--dataset', file('bom.json'), '--now', NOW]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(reportKeys.parse(JSON.parse(result.stdout)).project.key).toBe('HZ');
  });

  it('exits quietly with 0 when the reader of its output goes away (| head)', async () => {
    // The Markdown of ACME is far beyond a pipe's buffer, so the writes after head exits fail with EPIPE.
    const script = 'set -o pipefail; "$@" | head -n 1';
    const result = await new Promise<Run>((resolve) => {
      execFile(
        'bash',
        ['-c', script, 'bash', process.execPath, BIN, 'report', '--dataset', file('acme.json'), '--now', NOW, '--format', 'markdown'],
        { cwd: ROOT_DIR },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(result.stdout).toBe(`# Status report: ${acme.project.name} (ACME)\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('--settings: the client sees what the settings show it, in their default client language', async () => {
    const args = ['report', '--dataset', file('acme.json'), '--now', NOW, '--audience', 'client'];
    const marked = await run(args);
    const all = await run([...args, '--settings', file('settings-all.json')]);
    expect([marked.stderr, all.stderr]).toEqual(['', '']);
    const markedReport = clientStatusReportSchema.parse(JSON.parse(marked.stdout));
    const allReport = clientStatusReportSchema.parse(JSON.parse(all.stdout));
    expect(markedReport.lang).toBe('en');
    expect(allReport.lang).toBe('zh-CN');
    const markedKeys = clientKeysOf(markedReport);
    const allKeys = clientKeysOf(allReport);

    // By default (marked) only issues with the client label, or under an epic that has it, reach the client.
    const byKey = new Map(acme.issues.map((issue) => [issue.key, issue]));
    const labels = (key: string | undefined) => (byKey.get(key ?? '')?.fields['labels'] as string[] | undefined) ?? [];
    const parentKey = (key: string) => (byKey.get(key)?.fields['parent'] as { key?: string } | undefined)?.key;
    const marks = (key: string) => labels(key).includes('client') || labels(parentKey(key)).includes('client');
    expect(markedKeys.length).toBeGreaterThan(0);
    for (const key of markedKeys) expect(marks(key), key).toBe(true);
    // `all` shows every issue that is not internal: more of them, and some unmarked.
    expect(allKeys.length).toBeGreaterThan(markedKeys.length);
    expect(allKeys.some((key) => !marks(key))).toBe(true);
    for (const key of allKeys) expect(labels(key)).not.toContain('internal');
    // --lang still wins over the settings' default.
    const english = await run([...args, '--settings', file('settings-all.json'), '--lang', 'en']);
    expect(clientStatusReportSchema.parse(JSON.parse(english.stdout)).lang).toBe('en');
  });
});

describe('client-followup report --site', () => {
  it('sends Basic auth and exits 1 with one line when Jira refuses', async () => {
    const seen: { url: string | undefined; authorization: string | undefined }[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"errorMessages":["Unauthorized"],"errors":{}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await run(['report', '--site', `http://127.0.0.1:${port}`, '--project', 'acme', '--now', NOW], {
        JIRA_EMAIL: 'pm@example.com',
        JIRA_API_TOKEN: 'secret-token',
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^client-followup: FORBIDDEN: [^\n]+\n$/u);
      expect(result.stderr).not.toContain('secret-token');
      expect(seen[0]).toEqual({
        url: '/rest/api/3/project/ACME',
        authorization: `Basic ${Buffer.from('pm@example.com:secret-token').toString('base64')}`,
      });
    } finally {
      server.close();
    }
  });
});
