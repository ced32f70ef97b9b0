import { ResetQuestion } from '@/components/ResetQuestion';
import type { DailyReset } from '@/lib/schedule/daily-reset';
import { applyStyles } from '@/components/apply-styles';
import styles from './first-run-reset.css?inline';

applyStyles(styles);

/**
 * First run (and a new Commander): when the server's day resets, asked once. Until it is answered the
 * times assume the pack's reset or 00:00 UTC, and the popup says so.
 */
export function FirstRunReset({ now, name, onSave }: { now: number; name: string | undefined; onSave: (reset: DailyReset) => void }) {
  return (
    <section class="card first-run-reset" aria-labelledby="first-run-reset">
      <h2 id="first-run-reset">When does your server’s day reset?</h2>
      <p class="muted">
        {name ? `${name}: d` : 'D'}aily milestones start at the game’s daily reset. Set it once, as your clock shows it; it keeps its hour when
        the clocks change.
      </p>
      <ResetQuestion now={now} onSave={onSave} />
    </section>
  );
}
