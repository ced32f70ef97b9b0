import { describe, expect, it, vi } from 'vitest';

describe('the store upgrade, loaded the way each context says', () => {
  it('refuses in words when a context never said how, instead of leaving the read pending', async () => {
    vi.resetModules();
    const { loadUpgrade } = await import('../../../lib/storage/upgrade-loader');
    await expect(loadUpgrade()).rejects.toThrow(/did not say how to load it/);
  });

  it('loads it the way the context said, each time it is needed', async () => {
    vi.resetModules();
    const { loadUpgrade, provideUpgrade } = await import('../../../lib/storage/upgrade-loader');
    const upgrade = { migrate: vi.fn() };
    const load = vi.fn(async () => upgrade);
    provideUpgrade(load);
    expect(load).not.toHaveBeenCalled();
    expect(await loadUpgrade()).toBe(upgrade);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
