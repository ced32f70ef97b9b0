import { clear } from 'idb-keyval';
import { DB_NAME, keyValueStore, STORE_NAME } from '../../lib/storage/store-adapter';

/** The extension's database as a test sees it; its connection gives way to a deletion, like the extension's. */
export const testExtensionStore = keyValueStore(DB_NAME, STORE_NAME);

/** Empties the extension's store in fake-indexeddb, so every test starts from a first install. */
export async function emptyExtensionStore(): Promise<void> {
  await clear(testExtensionStore);
}
