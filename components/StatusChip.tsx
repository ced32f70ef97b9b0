import type { MilestoneStatus } from '@/lib/schedule/schedule';

export type ChipStatus = MilestoneStatus | 'next' | 'over';

const WORDS: Record<ChipStatus, string> = {
  upcoming: 'Upcoming',
  live: 'Live',
  done: 'Done',
  missed: 'Missed',
  next: 'Next',
  over: 'Over',
};

/** The status as a word; the colour only repeats it. */
export function StatusChip({ status }: { status: ChipStatus }) {
  return <span class={`chip chip-${status}`}>{WORDS[status]}</span>;
}
