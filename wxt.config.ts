import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One config for both browsers; only what differs per browser is branched on `browser`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'STFC Milestone Tracker',
    description:
      'The live Star Trek Fleet Command milestone event, its objectives and a countdown in the toolbar, badge and side panel.',
    permissions: browser === 'firefox' ? ['storage', 'alarms'] : ['storage', 'alarms', 'sidePanel'],
    optional_permissions: ['notifications'],
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
