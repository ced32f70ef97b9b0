// A view's re-reads of the store can finish out of order (two clicks in a row each re-read): the newest read wins.
import { describe, expect, it } from 'vitest';
import { watchStore, type StoredView } from '../../components/store-watch';

describe('watching the store', () => {
  it('shows the newest read started, even when an older one finishes after it', async () => {
    const reads: Array<(value: string) => void> = [];
    const load = () => new Promise<string>((resolve) => reads.push(resolve));
    const shown: Array<StoredView<string>> = [];
    const watch = watchStore(load, (view) => shown.push(view), { initial: 'opened' });
    const older = watch.reload();
    const newer = watch.reload();
    reads[1]!('after the second click');
    await newer;
    reads[0]!('after the first click');
    await older;
    watch.stop();
    expect(shown.map((view) => view.state)).toEqual(['after the second click']);
  });
});
