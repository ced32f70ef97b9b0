import { useEffect, useState } from 'preact/hooks';
import { Switch } from '@/components/Switch';
import { askForOverlayAccess, overlayOn, registerOverlay, unregisterOverlay } from '@/lib/overlay/overlay-adapter';

/**
 * The card on the official STFC pages, off by default. Turning it on asks for `scripting` and that one site
 * (inside the click, as browsers require) and registers the card's script; turning it off unregisters it and
 * gives the access back. Whether it is on is read from the browser each time, never from a stored flag.
 */
export function OptionsOverlay() {
  const [on, setOn] = useState<boolean | undefined>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const reread = () => overlayOn().then(setOn);
  useEffect(() => {
    void reread();
    // Access withdrawn in the browser's own settings, while this page is open, shows as off when it is next looked at.
    const onVisible = () => document.visibilityState === 'visible' && void reread();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const toggle = (next: boolean, box: HTMLInputElement) => {
    setMessage('');
    if (!next) {
      setBusy(true);
      void unregisterOverlay()
        .then(reread)
        .finally(() => setBusy(false));
      return;
    }
    // The permission request must be the first thing the click does.
    const asking = askForOverlayAccess();
    box.checked = false;
    setBusy(true);
    void asking
      .then(async (granted) => {
        if (!granted) {
          setMessage('The browser did not allow access to home.startrekfleetcommand.com, so the card stays off.');
          return;
        }
        try {
          await registerOverlay();
          setMessage('On: open or reload home.startrekfleetcommand.com to see the card.');
        } catch {
          setMessage('The browser would not add the card to those pages, so it stays off.');
          await unregisterOverlay();
        }
      })
      .then(reread)
      .finally(() => setBusy(false));
  };

  return (
    <section id="official-pages" class="options-section" aria-labelledby="official-pages-heading">
      <h2 id="official-pages-heading">Official STFC web pages</h2>
      <p class="muted" id="official-pages-hint">
        A small card on home.startrekfleetcommand.com (the account and web store pages, with the daily Web Gifts) showing your live
        milestone, its countdown and its completed switch, or the next one. It needs access to that one site, asked for when you turn
        it on and given back when you turn it off; it reads nothing from the page, and the page cannot read or change it.
      </p>
      <Switch checked={on === true} disabled={on === undefined || busy} describedBy="official-pages-hint" onChange={toggle}>
        Show on the official STFC web pages
      </Switch>
      <p role="status" class="status">
        {message}
      </p>
    </section>
  );
}
