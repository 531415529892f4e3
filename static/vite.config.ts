/**
 * One Vite build, two Forge Custom UI resources. Each resource folder is uploaded on its
 * own, so it must hold every file its `index.html` loads: the entries are built as two
 * client environments (no chunk shared across folders), each writing its HTML to
 * `dist/<entry>/index.html` and its assets to `dist/<entry>/assets/`, with relative URLs.
 *
 * Usage: `vite build --config static/vite.config.ts`
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type EnvironmentOptions, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));
const ENTRIES = ['project-page', 'issue-context'] as const;
type Entry = (typeof ENTRIES)[number];
/** Environment names may not contain '-'. */
const environmentNameOf = (entry: Entry): string => entry.replace('-', '_');

function entryEnvironment(entry: Entry): EnvironmentOptions {
  return {
    consumer: 'client',
    build: {
      outDir,
      // Both environments write into dist/; the builder empties it once, before either runs.
      emptyOutDir: false,
      // The HTML keeps its path relative to `root` (dist/<entry>/index.html); assets follow it.
      assetsDir: `${entry}/assets`,
      rolldownOptions: {
        input: fileURLToPath(new URL(`./${entry}/index.html`, import.meta.url)),
        onLog(level, log, defaultHandler) {
          // The backend client and navigation port import @forge/bridge lazily only so Node
          // tests can load them without a bridge; in the bundle it is already in the entry chunk.
          if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && log.message.includes('@forge/bridge')) return;
          defaultHandler(level, log);
        },
      },
    },
  };
}

/**
 * With a relative base Vite writes `../project-page/assets/x.js` into
 * `dist/project-page/index.html`: right inside `dist/`, wrong once the folder is served on
 * its own (as Forge serves a resource). Rewrite the entry's own prefix to `./`.
 */
function selfContainedHtml(): Plugin {
  return {
    name: 'client-followup:self-contained-html',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('/index.html')) continue;
        const folder = file.fileName.slice(0, -'/index.html'.length);
        const html = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = html.replaceAll(`"../${folder}/`, '"./');
      }
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), selfContainedHtml()],
  resolve: {
    alias: [
      // Atlaskit's feature-gate client is never initialised in a Forge app (every gate is
      // false); the stand-in keeps the Statsig client out of both bundles.
      {
        find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/u,
        replacement: fileURLToPath(new URL('./shared/feature-gates-off.ts', import.meta.url)),
      },
    ],
  },
  build: { target: 'es2022', reportCompressedSize: true },
  environments: Object.fromEntries(ENTRIES.map((entry) => [environmentNameOf(entry), entryEnvironment(entry)])),
  builder: {
    async buildApp(builder) {
      await rm(outDir, { recursive: true, force: true });
      for (const entry of ENTRIES) {
        const environment = builder.environments[environmentNameOf(entry)];
        if (!environment) throw new Error(`No build environment for ${entry}`);
        await builder.build(environment);
      }
    },
  },
});
