import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheFeedCheck, FEED_CHECK_GLOBAL, FEED_CHECK_SCRIPT, loadFeedCheck } from '../../../lib/background/feed-check-loader';

const check = async () => undefined;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the feed check loaded when it runs', () => {
  it('imports the script into a service worker the first time, and reuses it afterwards', async () => {
    const importScripts = vi.fn((url: string) => {
      expect(url).toBe(FEED_CHECK_SCRIPT);
      vi.stubGlobal(FEED_CHECK_GLOBAL, check);
    });
    vi.stubGlobal('importScripts', importScripts);
    expect(await loadFeedCheck()).toBe(check);
    expect(await loadFeedCheck()).toBe(check);
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('says so when the script leaves no feed check behind', async () => {
    vi.stubGlobal('importScripts', () => undefined);
    await expect(loadFeedCheck()).rejects.toThrow(`${FEED_CHECK_SCRIPT} did not define the feed check`);
  });

  it('imports the script while a service worker installs, so that it is in the worker’s script cache', () => {
    const listeners: Array<[string, () => void]> = [];
    const importScripts = vi.fn();
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => listeners.push([type, listener]));
    cacheFeedCheck();
    expect(listeners.map(([type]) => type)).toEqual(['install']);
    expect(importScripts).not.toHaveBeenCalled();
    listeners[0]![1]();
    expect(importScripts).toHaveBeenCalledWith(FEED_CHECK_SCRIPT);
  });

  it('registers nothing where there is no importScripts (Firefox’s background page, tests)', () => {
    const addEventListener = vi.fn();
    vi.stubGlobal('addEventListener', addEventListener);
    cacheFeedCheck();
    expect(addEventListener).not.toHaveBeenCalled();
  });
});
