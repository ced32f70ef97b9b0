import type { OptionsState } from '@/lib/views/options-state';
import type { Pack } from '@/lib/packs/types';
import { OptionsPackCard } from './PackCard';

interface Props {
  state: OptionsState;
  now: number;
  reload: () => Promise<void>;
  onEdit?: (pack: Pack) => void;
}

/** The installed packs, built-in first, then imported ones in the order they were imported. */
export function OptionsPackList({ state, now, reload, onEdit }: Props) {
  return (
    <div class="pack-list">
      {state.packs.map((installed, index) => (
        // The page's first time (the first pack's reset) names the zone.
        <OptionsPackCard key={installed.pack.id} installed={installed} now={now} reload={reload} withZone={index === 0} onEdit={onEdit} />
      ))}
    </div>
  );
}
