// The card on the official STFC pages. Registered at run time by the options page's switch
// (lib/overlay/overlay-adapter.ts) for https://home.startrekfleetcommand.com/* only: no `matches` here, so
// the manifest holds neither the script nor its host, and nothing is injected until the Commander turns it on.
import { mountOverlay } from './mount';

export default defineContentScript({
  registration: 'runtime',
  main() {
    mountOverlay();
  },
});
