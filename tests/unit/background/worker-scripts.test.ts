import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheWorkerScripts, FEED_CHECK, loadFeedCheck, loadStoreUpgrade, STORE_UPGRADE } from '../../../lib/background/worker-scripts';

const check = async () => undefined;
const upgrade = { migrate: async () => ({ ok: true as const, from: 3, schema: 3 }) };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the scripts the worker loads when they run', () => {
  it('imports the feed check into a service worker the first time, and reuses it afterwards', async () => {
    const importScripts = vi.fn((url: string) => {
      expect(url).toBe(FEED_CHECK.file);
      vi.stubGlobal(FEED_CHECK.global, check);
    });
    vi.stubGlobal('importScripts', importScripts);
    expect(await loadFeedCheck()).toBe(check);
    expect(await loadFeedCheck()).toBe(check);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('imports the store upgrade only when asked for, from its own script', async () => {
    vi.stubGlobal(STORE_UPGRADE.global, undefined);
    const importScripts = vi.fn((url: string) => {
      expect(url).toBe(STORE_UPGRADE.file);
      vi.stubGlobal(STORE_UPGRADE.global, upgrade);
    });
    vi.stubGlobal('importScripts', importScripts);
    expect(importScripts).not.toHaveBeenCalled();
    expect(await loadStoreUpgrade()).toBe(upgrade);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('says so when a script leaves nothing behind', async () => {
    vi.stubGlobal(STORE_UPGRADE.global, undefined);
    vi.stubGlobal('importScripts', () => undefined);
    await expect(loadFeedCheck()).rejects.toThrow(`${FEED_CHECK.file} did not define the feed check`);
    await expect(loadStoreUpgrade()).rejects.toThrow(`${STORE_UPGRADE.file} did not define the store upgrade`);
  });

  it('imports every script while a service worker installs, so that each is in the worker’s script cache', () => {
    const listeners: Array<[string, () => void]> = [];
    const importScripts = vi.fn();
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => listeners.push([type, listener]));
    cacheWorkerScripts();
    expect(listeners.map(([type]) => type)).toEqual(['install']);
    expect(importScripts).not.toHaveBeenCalled();
    listeners[0]![1]();
    expect(importScripts.mock.calls).toEqual([[FEED_CHECK.file], [STORE_UPGRADE.file]]);
  });

  it('caches the other scripts when one cannot be imported', () => {
    const listeners: Array<() => void> = [];
    const importScripts = vi.fn((url: string) => {
      if (url === FEED_CHECK.file) throw new Error('network');
    });
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (_type: string, listener: () => void) => listeners.push(listener));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cacheWorkerScripts();
    listeners[0]!();
    expect(importScripts.mock.calls).toEqual([[FEED_CHECK.file], [STORE_UPGRADE.file]]);
  });

  it('registers nothing where there is no importScripts (Firefox’s background page, tests)', () => {
    const addEventListener = vi.fn();
    vi.stubGlobal('addEventListener', addEventListener);
    cacheWorkerScripts();
    expect(addEventListener).not.toHaveBeenCalled();
  });
});
