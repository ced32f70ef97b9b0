import { vi } from 'vitest';
import type { TrackerActions } from '../../components/tracker-actions';
import type { DailyReset } from '../../lib/schedule/daily-reset';

/** What a view can ask of the store, as spies: component tests check which action a control calls, with what. */
export function spyActions() {
  return {
    followTrack: vi.fn(async (_packId: string, _trackId: string) => {}),
    setObjective: vi.fn(async (_packId: string, _trackId: string, _milestoneId: string, _objectiveId: string, _value: boolean) => {}),
    setCompleted: vi.fn(async (_packId: string, _trackId: string, _milestoneId: string, _value: boolean) => {}),
    setServerPoints: vi.fn(async (_packId: string, _trackId: string, _points: number) => {}),
    switchCommander: vi.fn(async (_commanderId: string) => {}),
    setReset: vi.fn(async (_reset: DailyReset) => {}),
  } satisfies TrackerActions;
}
