import { clear, createStore } from 'idb-keyval';
import { DB_NAME, STORE_NAME } from '../../lib/storage/store-adapter';

/** Empties the extension's store in fake-indexeddb, so every test starts from a first install. */
export async function emptyExtensionStore(): Promise<void> {
  await clear(createStore(DB_NAME, STORE_NAME));
}
