// A view's live layer: what the popup and the side panel need only after their first paint, loaded then
// as one lazy chunk (lib/storage/remote-store.ts viewLive()): the messages between contexts, the writes,
// and the words for a storage failure. Their first render needs only the read (lib/storage/load.ts).
export { announceChange, announceViewOpened, askBackground, onStoreChange } from './messaging-adapter';
export { storeRecording } from './writes';
export { isStoreDamaged, storageErrorMessage } from './storage-error';
