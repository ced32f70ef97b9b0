import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { viewLive } from '@/lib/storage/remote-store';

afterEach(async () => {
  cleanup();
  // A view loads its live layer lazily after its first paint; a test that ends first must not leave that
  // import under way when the file's environment closes (Vitest reports it as an error of the whole run).
  await viewLive();
});
