import { render } from 'preact';
import theme from '@/components/theme.css?inline';
import styles from './overlay.css?inline';
import { Overlay } from './Overlay';

/** Events the card listens to; the page's own (synthetic, untrusted) ones never reach its handlers. */
const GUARDED = ['click', 'dblclick', 'auxclick', 'input', 'change', 'keydown', 'keyup', 'pointerdown', 'pointermove', 'pointerup', 'mousedown', 'mouseup', 'submit'];

/**
 * Puts the card in a closed shadow root on a host element at the end of the page's body: the page cannot reach
 * into it (host.shadowRoot is null, and no reference is kept anywhere the page sees), its styles stop at the
 * host (`:host { all: initial }`), and the card's styles, the extension's theme, stay inside. The page itself
 * gets nothing but the host; being last in the body, the card is last in the page's Tab order.
 */
export function mountOverlay(): void {
  const host = document.createElement('stfc-milestone-tracker');
  const root = host.attachShadow({ mode: 'closed' });
  for (const type of GUARDED) {
    root.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        // A synthetic click would otherwise still flip a checkbox.
        event.preventDefault();
      },
      true,
    );
  }
  const style = document.createElement('style');
  // The theme's tokens on the card's own root instead of the document's (:root is the page's).
  style.textContent = theme.replaceAll(':root', '.overlay') + styles;
  const mount = document.createElement('div');
  root.append(style, mount);
  document.body.append(host);
  render(<Overlay />, mount);
}
