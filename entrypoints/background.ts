import { startBackground } from '@/lib/background/background-adapter';

export default defineBackground(() => {
  startBackground(() => Date.now());
});
