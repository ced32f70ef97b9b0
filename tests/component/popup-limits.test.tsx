// A click refused at a limit (lib/storage/limits.ts) is said in the popup in words, and nothing is stored.
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { applyProgressChange } from '../../lib/commander/progress-change';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { MAX_PROGRESS_PACKS } from '../../lib/storage/limits';
import { readSnapshot } from '../../lib/storage/store-adapter';
import { updatePackProgress } from '../../lib/storage/store-writes-adapter';
import { emptyExtensionStore, testExtensionStore } from '../helpers/store';
import { WED_NOON } from '../fixtures/tracker-state';

describe('the popup at the limits', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WED_NOON);
    await emptyExtensionStore();
  });
  afterEach(() => vi.useRealTimers());

  it('says why a check is not recorded when progress is kept for 1000 other packs, and stores nothing', async () => {
    for (let i = 0; i < MAX_PROGRESS_PACKS; i++) {
      await updatePackProgress('c1', `removed-${i}`, (p) => applyProgressChange(p, { kind: 'completed', trackId: 't', milestoneId: 'm', value: true, at: WED_NOON }), testExtensionStore);
    }
    render(<PopupApp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Defenders of Peace · Hero' }));
    await screen.findByRole('heading', { name: 'Hidden Motivations' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Spend Trait XP' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Not recorded: Progress is kept for 1000 packs, the most this extension keeps; delete the progress of a removed pack first (options page, Progress of removed packs).',
    );
    expect(Object.hasOwn((await readSnapshot()).progress, BUILTIN_PACK_ID)).toBe(false);
  }, 30_000);
});
