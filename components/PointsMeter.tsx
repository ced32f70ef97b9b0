import { localNumber } from '@/lib/format/local-time';
import type { PointsSummary } from '@/lib/schedule/schedule';

interface Props {
  points: PointsSummary;
  /** What the points are of, for the meter's name. */
  label: string;
}

const percent = (part: number, whole: number) => `${whole > 0 ? Math.min(100, (part / whole) * 100) : 0}%`;

/** "200 earned · 400 reachable · 500 total" as text, and a bar: earned solid, still reachable hatched. */
export function PointsMeter({ points, label }: Props) {
  const { earned, reachable, possible } = points;
  const text = `${localNumber(earned)} earned · ${localNumber(reachable)} reachable · ${localNumber(possible)} total`;
  return (
    <div class="points">
      <p class="points-text">{text}</p>
      <div
        class="meter"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={possible}
        aria-valuenow={earned}
        aria-valuetext={text}
      >
        <span class="meter-reachable" style={{ width: percent(reachable, possible) }} />
        <span class="meter-earned" style={{ width: percent(earned, possible) }} />
      </div>
    </div>
  );
}
