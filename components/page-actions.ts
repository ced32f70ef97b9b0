// The popup's and the side panel's ways to other pages (lib/pages/page-adapter.ts), loaded on first use:
// a view's first paint needs none of them.
let pages: Promise<typeof import('@/lib/pages/page-adapter')> | undefined;

/** The page adapter; the first call loads it. */
export const pageAdapter = () => (pages ??= import('@/lib/pages/page-adapter'));

export const openOptionsPage = (): void => void pageAdapter().then((adapter) => adapter.openOptionsPage());

export const openBackupAndRestore = (): void => void pageAdapter().then((adapter) => adapter.openBackupAndRestore());

export const openCommanderSettings = (): void => void pageAdapter().then((adapter) => adapter.openCommanderSettings());
