import type { ObjectiveView } from '@/lib/views/track-view';

interface Props {
  objectives: ObjectiveView[];
  onToggle: (objectiveId: string, checked: boolean) => void;
  /** When a summary around the list already says "Objectives". */
  quietLegend?: boolean;
}

/** The ways to score, as checkboxes named by their text; "not published" when the pack has none. */
export function ObjectiveList({ objectives, onToggle, quietLegend = false }: Props) {
  if (objectives.length === 0) return <p class="objectives-missing muted">Objectives not published</p>;
  return (
    <fieldset class="objectives">
      <legend class={quietLegend ? 'visually-hidden' : 'eyebrow'}>Objectives</legend>
      {objectives.map((objective) => (
        <label class="objective" key={objective.id}>
          <input
            type="checkbox"
            checked={objective.checked}
            onChange={(event) => onToggle(objective.id, event.currentTarget.checked)}
          />
          <span>{objective.text}</span>
        </label>
      ))}
    </fieldset>
  );
}
