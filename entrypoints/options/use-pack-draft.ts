import { useEffect, useRef, useState } from 'preact/hooks';
import { draftHasTyping, type PackDraft } from '@/lib/packs/builder';
import { loadPackDraft } from '@/lib/storage/pack-draft';
import { recordPackDraft } from '@/lib/storage/writes';

/**
 * A pause in typing this long stores the draft. Hiding the page (another tab, a minimised window) stores
 * it at once; closing it tries to, but a browser may drop a write begun while the page unloads, so at
 * most this much typing can be lost.
 */
export const DRAFT_SAVE_DELAY_MS = 400;

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
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      open = false;
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
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
