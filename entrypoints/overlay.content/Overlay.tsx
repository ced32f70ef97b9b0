import { useEffect, useRef, useState } from 'preact/hooks';
import { builtinPack } from '@/lib/packs/builtin';
import { askBackground, onStoreChange } from '@/lib/storage/messaging-adapter';
import { builtinHidden, trackerState, type TrackerState } from '@/lib/views/tracker-state';
import { overlayCard } from '@/lib/overlay/overlay-card';
import { DEFAULT_OVERLAY_CORNER, nearestCorner, nextCorner, type OverlayCorner } from '@/lib/overlay/corner';
import { OverlayCard } from './OverlayCard';
import { OverlayPill } from './OverlayPill';

/** The state through the background: a content script cannot open the extension's IndexedDB. */
async function readState(): Promise<TrackerState> {
  const { snapshot, packs } = await askBackground.readStore();
  // The built-in pack is in this script: its file in the extension is not one the page's origin may fetch.
  return trackerState(snapshot, packs, builtinHidden(snapshot) ? undefined : builtinPack());
}

interface Drag {
  pointerId: number;
  startX: number;
  startY: number;
  dx: number;
  dy: number;
}

/** The card or its pill, in its corner; re-read whenever the store changes anywhere, its countdown ticking each second. */
export function Overlay() {
  const [state, setState] = useState<TrackerState | undefined>();
  const [problem, setProblem] = useState('');
  const [now, setNow] = useState(Date.now());
  const [collapsed, setCollapsed] = useState(false);
  const [dropped, setDropped] = useState<OverlayCorner | undefined>();
  const [drag, setDrag] = useState<Drag | undefined>();
  const box = useRef<HTMLDivElement>(null);
  const pill = useRef<HTMLButtonElement>(null);
  const collapseButton = useRef<HTMLButtonElement>(null);
  const focusAfterToggle = useRef(false);

  const reread = () =>
    readState().then(
      (read) => {
        setState(read);
        setProblem('');
      },
      () => setProblem('The tracker could not read your progress just now.'),
    );

  useEffect(() => {
    void reread();
    const stop = onStoreChange(reread);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      stop();
      clearInterval(tick);
    };
  }, []);

  // Collapsing or expanding by keyboard keeps the focus on the card's one control in its place.
  useEffect(() => {
    if (!focusAfterToggle.current) return;
    focusAfterToggle.current = false;
    (collapsed ? pill : collapseButton).current?.focus();
  }, [collapsed]);

  if (!state) return problem ? <div class="overlay" data-corner={DEFAULT_OVERLAY_CORNER}><p class="overlay-card card">{problem}</p></div> : null;

  const stored = state.snapshot.settings.overlayCorner ?? DEFAULT_OVERLAY_CORNER;
  const corner = dropped ?? stored;
  const card = overlayCard(state, now);

  const toggle = (value: boolean) => {
    if (card.kind !== 'live') return;
    const { packId, trackId, milestone } = card;
    askBackground
      .recordChange({ what: 'progress', commanderId: state.commanderId, packId, change: { kind: 'completed', trackId, milestoneId: milestone.id, value, at: Date.now() } })
      .then(reread, (refused: unknown) => {
        setProblem(refused instanceof Error ? refused.message : 'The tracker could not record that.');
        void reread();
      });
  };

  const setCollapsedByUser = (next: boolean, byKeyboard: boolean) => {
    focusAfterToggle.current = byKeyboard;
    setCollapsed(next);
  };

  /** Puts the card in `next` now, and keeps that corner for every official tab (undone if the background refuses). */
  const placeIn = (next: OverlayCorner) => {
    setDropped(next);
    if (next !== stored) void askBackground.recordChange({ what: 'overlayCorner', corner: next }).catch(() => setDropped(undefined));
  };

  const onPointerDown = (event: PointerEvent) => {
    if (!event.isTrusted || event.button !== 0 || (event.target as Element).closest('button, input, label')) return;
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    setDrag({ pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, dx: 0, dy: 0 });
  };
  const onPointerMove = (event: PointerEvent) => {
    if (!event.isTrusted || drag?.pointerId !== event.pointerId) return;
    setDrag({ ...drag, dx: event.clientX - drag.startX, dy: event.clientY - drag.startY });
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!event.isTrusted || drag?.pointerId !== event.pointerId) return;
    const rect = box.current?.getBoundingClientRect();
    setDrag(undefined);
    if (!rect || Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY) < 4) return;
    // The box is drawn moved by the drag already: its centre is where it was let go.
    placeIn(nearestCorner({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }, { width: innerWidth, height: innerHeight }, corner));
  };

  return (
    <div
      ref={box}
      class={drag ? 'overlay is-dragged' : 'overlay'}
      data-corner={corner}
      style={drag ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : undefined}
      onKeyDown={(event) => {
        if (event.isTrusted && event.key === 'Escape' && !collapsed) setCollapsedByUser(true, true);
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(undefined)}
    >
      {collapsed ? (
        <OverlayPill buttonRef={pill} card={card} now={now} onExpand={(byKeyboard) => setCollapsedByUser(false, byKeyboard)} />
      ) : (
        <OverlayCard
          card={card}
          now={now}
          problem={problem}
          collapseRef={collapseButton}
          corner={corner}
          onMove={() => placeIn(nextCorner(corner))}
          onCompleted={toggle}
          onCollapse={(byKeyboard) => setCollapsedByUser(true, byKeyboard)}
        />
      )}
    </div>
  );
}
