import { defineConfig, type EntrypointGroup } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { BUILTIN_PACK_FILE } from './lib/packs/builtin';
import { OFFICIAL_PAGES_MATCH } from './lib/overlay/official-pages';

/**
 * Vite wraps each dynamic import in a helper (0.45 KB gzip per page) that fetches the lazy chunk's
 * own stylesheets and imports beside it. The views' only lazy chunk (the messaging library) has
 * neither, so the helper becomes a plain call; the build stops if a lazy chunk ever needs more.
 */
function plainDynamicImports(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'stfc:plain-dynamic-imports',
    enforce: 'pre',
    resolveId: (id) => (id === helper ? id : undefined),
    // The one lazy chunk (deferredMessaging in lib/storage/messaging-adapter.ts) is named for what it holds, not for the library's dist/ file.
    config: () => ({
      build: {
        rollupOptions: {
          output: { manualChunks: (id: string) => (id.includes('/node_modules/@webext-core/messaging/') ? 'messaging' : undefined) },
        },
      },
    }),
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : undefined),
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes('__vite__mapDeps')) {
          this.error(`${file.fileName} loads a chunk with stylesheets or imports of its own: drop plainDynamicImports()`);
        }
      }
    },
  };
}

/**
 * The background's `browser` is the browser's own namespace (Firefox `browser`, Chrome `chrome`), not
 * webextension-polyfill (2.6 KB gzip, a quarter of the worker's budget). Every call the worker makes
 * (action, alarms, notifications, permissions, runtime and tabs events) returns a promise natively in
 * both browsers' MV3, and messaging (@webext-core/messaging) uses chrome.runtime with callbacks itself.
 * The pages already do without it (lib/pages/page-adapter.ts); the types stay the polyfill's.
 */
function nativeBrowserInBackground(): Plugin {
  const id = '\0stfc:native-browser';
  return {
    name: 'stfc:native-browser',
    enforce: 'pre',
    resolveId: (source) => (source === '@wxt-dev/webextension-polyfill/browser' || source === 'webextension-polyfill' ? id : undefined),
    load: (source) =>
      source === id
        ? 'const scope = globalThis; export const browser = scope.browser?.runtime?.id ? scope.browser : scope.chrome; export default browser;'
        : undefined,
  };
}

/**
 * The overlay's content script runs on a web page, where the card's text must never become markup. Preact's
 * one HTML path is `dangerouslySetInnerHTML`, which the card never uses; in that script it writes text instead,
 * so no code there can assign innerHTML (and web-ext lint has nothing to warn about in it).
 */
function textOnlyPreact(): Plugin {
  return {
    name: 'stfc:text-only-preact',
    transform: (code, id) => (/\/node_modules\/preact\/dist\//.test(id) ? code.replace(/\.innerHTML\s*=(?!=)/g, '.textContent=') : undefined),
  };
}

/**
 * STFC_E2E_BUILD=1 makes the browser tests' build: the same extension, in .output/e2e-<browser>-mv3, holding
 * host access to 127.0.0.1 from install (a headless browser cannot answer the permission prompt). The store
 * zips never come from it: `wxt zip` without the variable builds the normal manifest, where every host
 * access is optional (tests/unit/repository/manifest.test.ts).
 */
const E2E_BUILD = process.env.STFC_E2E_BUILD === '1';
// The e2e build also holds the overlay's access from install (the switch's prompt cannot be answered
// headless either); the tests reach the official host name on a local server (tests/e2e/overlay.test.ts).

/** Feeds ask for their one site when the Commander subscribes; loopback http is for testing and packs hosted at home. */
const FEED_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

const requiredPermissions = (browser: string) =>
  browser === 'firefox' ? ['unlimitedStorage', 'alarms'] : ['unlimitedStorage', 'alarms', 'sidePanel'];

// One config for both browsers; only what differs per browser is branched on `browser`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  ...(E2E_BUILD ? { outDirTemplate: 'e2e-{{browser}}-mv{{manifestVersion}}' } : {}),
  vite: ({ command }) => ({
    // A build is a production build whatever NODE_ENV it inherits (npm run bench starts it from inside a
    // Vite server, which sets NODE_ENV=development): no Preact devtools hooks, no JSX source locations.
    plugins: [preact({ devToolsEnabled: command === 'serve' })],
    ...(command === 'build' ? { esbuild: { jsxDev: false } } : {}),
    // Both browsers support <link rel="modulepreload"> natively; the polyfill was 0.4 KB gzip in every page.
    // STFC_SOURCEMAPS=1 adds source maps, to see which source the bytes of a bundle come from.
    // Terser with two compress passes instead of esbuild's one-pass minifier: 4 % less gzip on every page
    // (0.7 KB of the popup's 15 KB budget), the same code otherwise.
    build: {
      modulePreload: { polyfill: false },
      sourcemap: process.env.STFC_SOURCEMAPS === '1',
      minify: 'terser',
      terserOptions: { module: true, compress: { passes: 2 } },
    },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      // The worker and the scripts it loads (entrypoints/feed-check.ts, entrypoints/store-upgrade.ts) run in the same scope.
      if (entrypoints.some((entry) => entry.type === 'background' || entry.name === 'feed-check' || entry.name === 'store-upgrade')) {
        config.plugins = [...(config.plugins ?? []), nativeBrowserInBackground()];
      } else if (entrypoints.some((entry) => entry.type === 'content-script')) {
        // One file like the worker's (its lazy imports are inlined), on the browser's own namespace too.
        config.plugins = [...(config.plugins ?? []), nativeBrowserInBackground(), textOnlyPreact()];
      } else {
        config.plugins = [...(config.plugins ?? []), plainDynamicImports()];
      }
    },
    // WXT writes `content_scripts: []` even when its one content script (the overlay) is registered at run time only.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
    // The built-in pack's data, as a file the popup and the background fetch when it is shown (lib/packs/builtin.ts).
    'build:publicAssets': (wxt, files) => {
      const pack = readFileSync(resolve(wxt.config.root, 'lib/packs/builtin/heroes-and-villains-2023-11.json'), 'utf8');
      files.push({ relativeDest: BUILTIN_PACK_FILE.slice(1), contents: JSON.stringify(JSON.parse(pack)) });
    },
    // WXT builds the popup, side panel and options page together, so their shared modules land in shared
    // chunks holding the union of what any page uses (options' store writes in the popup's chunk). One build
    // per page gives each page its own files with only its own code: fewer requests on open, and 2.6 KB gzip
    // less for the popup. The cost is a copy of Preact per page in the package.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.findIndex(Array.isArray);
      if (pages >= 0) groups.splice(pages, 1, ...(groups[pages] as EntrypointGroup[]).map((entry) => [entry] as EntrypointGroup));
    },
  },
  manifest: ({ browser }) => ({
    name: 'STFC Milestone Tracker',
    description:
      'The live Star Trek Fleet Command milestone event, its objectives and a countdown in the toolbar, badge and side panel.',
    // unlimitedStorage makes the IndexedDB store persistent (never evicted under disk pressure); no browser.storage is used.
    permissions: requiredPermissions(browser),
    // scripting and the official pages' host: the overlay card, asked for when the Commander turns it on (lib/overlay/overlay-adapter.ts).
    optional_permissions: E2E_BUILD ? ['notifications'] : ['notifications', 'scripting'],
    optional_host_permissions: [...FEED_HOSTS, OFFICIAL_PAGES_MATCH],
    ...(E2E_BUILD
      ? { host_permissions: ['http://127.0.0.1/*', OFFICIAL_PAGES_MATCH], permissions: [...requiredPermissions(browser), 'scripting'] }
      : {}),
    action: { default_title: 'STFC Milestone Tracker' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'stfc-milestone-tracker@commanders.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
