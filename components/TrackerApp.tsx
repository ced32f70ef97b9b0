import { Component, type ComponentChildren } from 'preact';
import { countdownTick } from '@/lib/schedule/duration';
import { MINUTE_MS } from '@/lib/schedule/units';
import { loadViewState, viewLive } from '@/lib/storage/remote-store';
import { writeViewSnapshot, type SnapshotModel } from '@/lib/storage/view-snapshot-adapter';
import type { TrackerState } from '@/lib/views/tracker-state';
import type { Commanders } from '@/lib/commander/commanders';
import type { ViewStart } from './mount-with-state';
import { watchStore, type StoredView, type StoreWatch } from './store-watch';
import { trackerActions, type TrackerActions } from './tracker-actions';

/** What a page shows besides its model: a storage problem, and the Commanders to switch between. */
export interface PageExtras {
  error?: string | undefined;
  damaged: boolean;
  commanders: Commanders | undefined;
}

/** A snapshot carries the Commanders too, so the Commander switch is there in the first frame. */
type WithCommanders = { commanders?: Commanders | undefined };

export interface TrackerAppState {
  view: StoredView<TrackerState>;
  /** The time the countdowns show, moved on exactly when one of their texts changes. */
  now: number;
  writeError?: string | undefined;
}

/**
 * The popup's and the side panel's wiring to the store: one read on open (or the read its snapshot frame
 * started), a re-read on every change announced elsewhere, a redraw exactly when a countdown's text changes
 * (each minute, each second in the last minute), the next open's snapshot, and a performance mark once data
 * is first shown. A class rather than hooks: the popup then loads no hooks library (1.1 KB gzip, a
 * fourteenth of its budget).
 */
export abstract class TrackerApp<M extends SnapshotModel, P = object, S = object> extends Component<
  ViewStart<M> & P,
  TrackerAppState & S
> {
  /** Where the view keeps its first frame, and the mark set when data is first shown. */
  protected abstract readonly snapshotKey: string;
  protected abstract readonly readyMark: string;
  /** The view's model of the stored state at `now`. */
  protected abstract modelOf(state: TrackerState, now: number): M;
  /** The page, from its model (undefined while nothing is known yet). */
  protected abstract show(model: M | undefined, actions: TrackerActions, extras: PageExtras): ComponentChildren;

  private watch: StoreWatch | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private marked = false;
  /** The stored state whose model was last kept as the snapshot; cleared to keep the next model too. */
  protected savedState: TrackerState | undefined;
  protected readonly actions: TrackerActions;

  constructor(props: ViewStart<M> & P) {
    super(props);
    this.state = { view: { state: props.initial, error: undefined, damaged: false }, now: Date.now() } as TrackerAppState & S;
    this.actions = trackerActions(
      () => this.watch?.reload() ?? Promise.resolve(),
      (writeError) => this.update({ writeError }),
      // Clicks record for the Commander shown, read when the click happens (the snapshot's until the store is read).
      () => this.state.view.state?.commanderId ?? this.commanders()?.activeId,
    );
  }

  /** The Commanders: the store's once read, the snapshot's until then. */
  protected commanders(): Commanders | undefined {
    return this.state.view.state?.snapshot.commanders ?? (this.props.snapshot as WithCommanders | undefined)?.commanders;
  }

  /** Sets this class's part of the state (a subclass adds its own, S). */
  protected update(change: Partial<TrackerAppState>) {
    this.setState(change as Partial<TrackerAppState & S>);
  }

  /** The model shown now: from the store once read, from the snapshot until then. */
  protected model(): M | undefined {
    const { view, now } = this.state;
    if (view.state) return this.modelOf(view.state, now);
    const { snapshot } = this.props;
    return snapshot && { ...snapshot, now };
  }

  override componentDidMount() {
    const { initial, reading } = this.props;
    this.watch = watchStore(loadViewState, (view) => this.update({ view }), { initial, reading });
    // The background recomputes the badge when a view opens.
    void viewLive().then((live) => live.announceViewOpened());
    this.settle();
  }

  override componentDidUpdate() {
    this.settle();
  }

  override componentWillUnmount() {
    this.watch?.stop();
    clearTimeout(this.timer);
  }

  /** After each render: the mark, the snapshot of a new stored state, and the timer to the next countdown change. */
  private settle() {
    const model = this.model();
    if (model && !this.marked) {
      // Right after the first render that shows data (the snapshot's or the store's) is in the document (a benchmark waits for it).
      this.marked = true;
      performance.mark(this.readyMark);
    }
    const stored = this.state.view.state;
    if (model && stored && stored !== this.savedState) {
      this.savedState = stored;
      writeViewSnapshot(this.snapshotKey, { ...model, commanders: stored.snapshot.commanders } satisfies SnapshotModel & WithCommanders, this.state.now);
    }
    clearTimeout(this.timer);
    // Measured when the timer is set, so a late update still wakes on the boundary.
    const at = Date.now();
    const wait = Math.min(MINUTE_MS, ...(model?.targets ?? []).map((target) => countdownTick(target, at)));
    this.timer = setTimeout(() => this.update({ now: Date.now() }), Math.max(wait, 16));
  }

  override render() {
    const { view, writeError } = this.state;
    return this.show(this.model(), this.actions, { error: view.error ?? writeError, damaged: view.damaged, commanders: this.commanders() });
  }
}
