// The store builds (.output/chrome-mv3 and .output/firefox-mv3, what `wxt zip` packs) hold no host access
// from install: feeds ask for their one site when the Commander subscribes, the overlay asks for the official
// STFC pages (and `scripting`) when it is turned on, and its content script is registered then, never in the
// manifest. Only the browser tests' own build (.output/e2e-*, STFC_E2E_BUILD=1) holds loopback access and the
// overlay's, because a headless browser cannot answer the permission prompt.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = (dir: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output', dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

const OFFICIAL_PAGES = 'https://home.startrekfleetcommand.com/*';
const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', OFFICIAL_PAGES];

describe('the manifest', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])('of the store build %s keeps host access optional, nothing granted at install', (dir) => {
    const built = manifest(dir);
    expect(built.host_permissions).toBeUndefined();
    expect(built.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    expect(JSON.stringify(built.permissions)).not.toMatch(/:\/\/|<all_urls>/);
    expect(built.content_scripts).toBeUndefined();
    // The overlay's script is registered through `scripting`, asked for with its host when the switch is turned on.
    expect(built.permissions).not.toContain('scripting');
    expect(built.optional_permissions).toEqual(['notifications', 'scripting']);
    expect(built.web_accessible_resources).toBeUndefined();
    expect(built.externally_connectable).toBeUndefined();
  });

  it.each(['e2e-chrome-mv3', 'e2e-firefox-mv3'])('of the test build %s alone holds loopback access and the overlay’s from install', (dir) => {
    expect(manifest(dir).host_permissions).toEqual(['http://127.0.0.1/*', OFFICIAL_PAGES]);
    expect(manifest(dir).permissions).toContain('scripting');
    expect(manifest(dir).optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    expect(manifest(dir).content_scripts).toBeUndefined();
  });
});
