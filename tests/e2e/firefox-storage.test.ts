// The store in the built extension in Firefox ESR: whether the browser keeps it under disk pressure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateInExtension, launchFirefoxExtension, type LaunchedFirefoxExtension } from './firefox';

describe('the store in Firefox ESR', () => {
  let ext: LaunchedFirefoxExtension;

  beforeAll(async () => {
    ext = await launchFirefoxExtension();
  });

  afterAll(async () => {
    await ext?.close();
  });

  // Firefox answers persisted() false at first even with unlimitedStorage; the extension then asks
  // persist(), which Firefox grants without a prompt. The background asks at start, the options page too.
  it('is persistent storage once the extension asked for it, without a prompt', async () => {
    const options = await ext.open('options.html');
    await options.waitForSelector('::-p-text(Backup and restore)');
    const permissions = await evaluateInExtension(options, () => browser.runtime.getManifest().permissions);
    expect(permissions).toContain('unlimitedStorage');
    expect(permissions).not.toContain('storage');
    expect(await evaluateInExtension(options, () => navigator.storage.persisted())).toBe(true);
    expect(await options.$('::-p-text(best effort)')).toBeNull();
    await options.close();
  });
});
