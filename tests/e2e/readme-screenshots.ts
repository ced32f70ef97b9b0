// The README's pictures of the popup and the side panel (npm run screenshots, through scripts/screenshots.mjs):
// the Chrome build in Chromium, the page clock on Wednesday 15 November 2023, 12:00 UTC, and the Commander's
// progress stored as the views' own tests store it. Not a test: it writes tracked files.
import { launchExtension, openExtensionPage } from './chromium';
import { DEFENDERS, WED_NOON, builtinArcStore, openView, screenshotBothThemes, startFrom } from './view-pages';

/** Takes docs/screenshots/{popup,sidepanel}-{light,dark}.png and returns their paths. */
export async function takeReadmeScreenshots(): Promise<string[]> {
  const ext = await launchExtension();
  try {
    await ext.context.clock.install({ time: WED_NOON });
    const control = await openExtensionPage(ext.context, ext.extensionId, 'options.html');

    // The popup: Defenders of Peace followed, one objective of the live milestone checked.
    await startFrom(control, builtinArcStore(DEFENDERS, { checked: { 'hidden-motivations': ['away-team'] } }));
    const popup = await openView(ext, 'popup');
    await popup.getByRole('checkbox', { name: 'Complete Away Team Assignments', checked: true }).waitFor();
    const written = await screenshotBothThemes(popup, 'popup');
    await popup.close();

    // The side panel: the missed first milestone recorded as done, the live one done with both objectives, the server's points typed.
    await startFrom(
      control,
      builtinArcStore(DEFENDERS, {
        checked: { 'hidden-motivations': ['away-team', 'trait-xp'] },
        completed: ['unraveling-anomalies', 'hidden-motivations'],
        serverPoints: 4200,
      }),
    );
    const panel = await openView(ext, 'sidepanel');
    await panel.getByRole('article', { name: 'Hidden Motivations' }).getByText('Done', { exact: true }).waitFor();
    await panel.getByText('200 earned · 400 reachable · 500 total').waitFor();
    written.push(...(await screenshotBothThemes(panel, 'sidepanel')));
    return written;
  } finally {
    await ext.close();
  }
}
