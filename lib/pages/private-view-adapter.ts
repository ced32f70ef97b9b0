// Whether this view runs private: read before a view's first paint, since such a view reads its store
// through the background (lib/storage/remote-store.ts).

/** Whether this page belongs to a private window (Firefox runs such pages private; Chrome spans them). */
export function isPrivateView(): boolean {
  return (globalThis as { chrome?: { extension?: { inIncognitoContext?: boolean } } }).chrome?.extension?.inIncognitoContext === true;
}
