import { LocalTime } from '@/components/LocalTime';
import type { ResetAssumption } from '@/lib/views/track-view';

interface Props {
  reset: ResetAssumption;
  onOpenOptions: () => void;
}

const SAID_BY: Record<ResetAssumption['source'], string> = {
  commander: 'as you set it,',
  default: 'assumed',
  pack: 'as the pack says,',
  settings: 'as you set it,',
};

/** The pack gives dates only: say which reset turned them into times, and where to change it. */
export function ResetNotice({ reset, onOpenOptions }: Props) {
  return (
    <p class="reset-notice muted">
      Days start at the daily reset, {SAID_BY[reset.source]} {reset.label} (<LocalTime at={reset.example} format="time" withZone /> your time) —{' '}
      <button type="button" class="link" onClick={onOpenOptions}>
        change in Options
      </button>
    </p>
  );
}
