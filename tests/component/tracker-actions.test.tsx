// A click in the popup or the side panel: its own view re-reads as soon as the click is stored, and the
// action settles once the other views and the badge have caught up on the announcement.
import { describe, expect, it, vi } from 'vitest';
import { trackerActions } from '../../components/tracker-actions';

const writes = vi.hoisted(() => ({ answer: undefined as (() => void) | undefined, refuse: false }));

vi.mock('../../lib/storage/remote-store', () => {
  const recorded = async () => {
    if (writes.refuse) throw new Error('refused');
    return { announced: new Promise<void>((resolve) => (writes.answer = resolve)) };
  };
  return {
    recordProgress: vi.fn(recorded),
    recordFollowedTrack: vi.fn(recorded),
    recordActiveCommander: vi.fn(recorded),
    recordCommanderReset: vi.fn(recorded),
    viewLive: async () => ({ storageErrorMessage: (cause: unknown) => `Not saved: ${(cause as Error).message}` }),
  };
});

describe('a click', () => {
  it('re-reads its own view once stored, without waiting for the others to catch up', async () => {
    writes.refuse = false;
    const reload = vi.fn(async () => {});
    const actions = trackerActions(reload, () => {}, () => 'c1');
    let settled = false;
    const click = actions.setObjective('pack', 'track', 'milestone', 'objective', true).then(() => (settled = true));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(settled).toBe(false);
    writes.answer!();
    await click;
    expect(settled).toBe(true);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('reports a refused write and still re-reads, so the view shows what is stored', async () => {
    writes.refuse = true;
    const reload = vi.fn(async () => {});
    const onError = vi.fn();
    await trackerActions(reload, onError, () => 'c1').setCompleted('pack', 'track', 'milestone', true);
    expect(onError).toHaveBeenCalledWith('Not saved: refused');
    expect(reload).toHaveBeenCalledOnce();
  });
});
