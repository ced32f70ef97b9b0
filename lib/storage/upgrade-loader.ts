// Where this context's store upgrade (lib/storage/upgrade-adapter.ts) comes from. The code is loaded only
// when a store needs an upgrade, and each context says how: a page imports it as a lazy chunk
// (components/mount-with-state.tsx, entrypoints/options/main.tsx), while a Chrome service worker cannot
// import() (the bundler would inline it into background.js), so the background loads it from its own
// script (lib/background/worker-scripts.ts). Tests provide the module itself (tests/setup/unit.ts).
import type { migrate } from './upgrade-adapter';

export interface Upgrade {
  migrate: typeof migrate;
}

let provided: (() => Promise<Upgrade>) | undefined;

/** Says how this context loads the upgrade; called once by each entrypoint before it reads the store. */
export function provideUpgrade(load: () => Promise<Upgrade>): void {
  provided = load;
}

/** The upgrade code, loaded the way this context said. */
export function loadUpgrade(): Promise<Upgrade> {
  if (!provided) return Promise.reject(new Error('the store needs an upgrade, and this context did not say how to load it (lib/storage/upgrade-loader.ts)'));
  return provided();
}
