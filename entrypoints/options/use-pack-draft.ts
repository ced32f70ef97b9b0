import { useEffect, useRef, useState } from 'preact/hooks';
import { draftHasTyping, type PackDraft } from '@/lib/packs/builder';
import { loadPackDraft } from '@/lib/storage/load';
import { recordPackDraft } from '@/lib/storage/writes';

/** A pause in typing this long stores the draft; leaving the page stores it at once. */
export const DRAFT_SAVE_DELAY_MS = 600;

/**
 * The pack form's draft, kept in the store while the Commander types (after a pause, not per key) and
 * brought back when the page opens again. `replace` sets a draft that is stored at once (Edit, a cleared
 * form, a created pack: then nothing is kept).
 */
export function usePackDraft(initial: () => PackDraft) {
  const [draft, setDraft] = useState(initial);
  const [restored, setRestored] = useState(false);
  const touched = useRef(false);
  // What is waiting to be stored: a draft, undefined (forget it), or null (nothing waiting).
  const pending = useRef<PackDraft | undefined | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>();

  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current === null) return;
    const next = pending.current;
    pending.current = null;
    void recordPackDraft(next).catch(() => {
      // A draft that cannot be stored is still on screen; the form works without it.
    });
  };

  useEffect(() => {
    let open = true;
    void loadPackDraft().then(
      (stored) => {
        if (!open || !stored || touched.current) return;
        setDraft(stored);
        setRestored(true);
      },
      () => {},
    );
    addEventListener('pagehide', flush);
    return () => {
      open = false;
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const keep = (next: PackDraft, now: boolean) => {
    touched.current = true;
    setDraft(next);
    pending.current = draftHasTyping(next) ? next : undefined;
    clearTimeout(timer.current);
    if (now) flush();
    else timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
  };

  return {
    draft,
    /** The draft was brought back from the store (until the Commander changes it). */
    restored,
    change: (next: PackDraft) => {
      setRestored(false);
      keep(next, false);
    },
    replace: (next: PackDraft) => {
      setRestored(false);
      keep(next, true);
    },
  };
}
