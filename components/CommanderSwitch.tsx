import type { Commanders } from '@/lib/commander/commanders';
import { commanderLabel } from '@/lib/format/labels';

interface Props {
  commanders: Commanders | undefined;
  onSwitch: (commanderId: string) => void;
}

/** Which Commander the popup and the side panel show; only there with two or more. Switching switches every view. */
export function CommanderSwitch({ commanders, onSwitch }: Props) {
  if (!commanders || commanders.list.length < 2) return null;
  return (
    <label class="commander-switch">
      Commander{' '}
      <select value={commanders.activeId} onChange={(event) => onSwitch(event.currentTarget.value)}>
        {commanders.list.map((commander) => (
          <option key={commander.id} value={commander.id}>
            {commanderLabel(commander)}
          </option>
        ))}
      </select>
    </label>
  );
}
