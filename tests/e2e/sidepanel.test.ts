// The side panel of the built extension in Chromium, with the built-in arc and the page clock on
// Wednesday 15 November 2023 at 12:00 UTC: the whole arc as a checklist, kept in step with an open popup.
// Each test opens both views on the store it sets up: Defenders of Peace followed, and what it has recorded.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedExtension } from './chromium';
import { DEFENDERS, builtinArcStore, launchOnWednesday, openView, startFrom, storedMilestone, type ArcRecord } from './view-pages';

const STATUS = /^(Upcoming|Live|Done|Missed)$/;

async function statuses(panel: Page): Promise<Array<[string, string[]]>> {
  const milestones = panel.getByRole('region', { name: 'Milestones' }).getByRole('article');
  const rows: Array<[string, string[]]> = [];
  for (const article of await milestones.all()) {
    rows.push([await article.getByRole('heading').innerText(), await article.getByText(STATUS).allInnerTexts()]);
  }
  return rows;
}

const milestone = (page: Page, name: string): Locator => page.getByRole('article', { name });

describe('the side panel with the built-in arc on Wednesday 15 November 2023, 12:00 UTC', () => {
  let ext: LaunchedExtension;
  /** An extension page to set up the store from. */
  let control: Page;
  let popup: Page;
  let panel: Page;

  /** Stores Defenders of Peace followed with `record`, then opens the popup and the side panel on it. */
  async function openBothViews(record: ArcRecord = {}): Promise<void> {
    await startFrom(control, builtinArcStore(DEFENDERS, record));
    popup = await openView(ext, 'popup');
    await popup.getByRole('heading', { name: 'Hidden Motivations' }).waitFor();
    panel = await openView(ext, 'sidepanel');
  }

  beforeAll(async () => {
    ({ ext, control } = await launchOnWednesday());
  });

  afterEach(async () => {
    await popup?.close();
    await panel?.close();
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('lists every milestone in time order with its status as a word', async () => {
    await openBothViews();
    expect(await statuses(panel)).toEqual([
      ['Unraveling Anomalies', ['Missed']],
      ['Enlisting Old Allies', ['Missed']],
      ['Hidden Motivations', ['Live']],
      ['Assembling the Resistance', ['Upcoming']],
      ['Shaping a Unified Destiny', ['Upcoming']],
    ]);
  });

  it('gives each milestone its local time range, with the UTC time on hover', async () => {
    await openBothViews();
    const when = milestone(panel, 'Hidden Motivations').locator('time').first();
    // The date's wording and the hour format follow the browser's locale; the times are UTC midnights.
    expect(await when.getAttribute('title')).toMatch(/^[^–]*15[^–]*2023[^–]*(?:00:00|12:00\sAM) UTC – [^–]*16[^–]*2023[^–]*(?:00:00|12:00\sAM) UTC$/);
    expect(await when.getAttribute('datetime')).toBe('2023-11-15T00:00:00.000Z');
    // The Commander answered the reset question (00:00 UTC): the panel says it is theirs.
    await expect(panel.getByText(/Days start at the daily reset, as you set it, 00:00 UTC/).isVisible()).resolves.toBe(true);
  });

  it('shows an objective checked in the popup without being reopened', async () => {
    await openBothViews();
    await popup.getByRole('checkbox', { name: 'Spend Trait XP' }).check();
    await milestone(panel, 'Hidden Motivations').getByRole('checkbox', { name: 'Spend Trait XP', checked: true }).waitFor();
  });

  it('shows the milestone completed in the popup as Done, with the points earned', async () => {
    await openBothViews({ checked: { 'hidden-motivations': ['trait-xp'] } });
    await popup.getByRole('switch', { name: /completed/i }).check();
    await milestone(panel, 'Hidden Motivations').getByText('Done', { exact: true }).waitFor();
    await panel.getByText('100 earned · 300 reachable · 500 total').waitFor();
  });

  it('and the other way round: the popup follows what the side panel records', async () => {
    await openBothViews({ checked: { 'hidden-motivations': ['trait-xp'] }, completed: ['hidden-motivations'] });
    await popup.getByRole('switch', { name: /completed/i, checked: true }).waitFor();
    await milestone(panel, 'Hidden Motivations').getByRole('checkbox', { name: 'Complete Away Team Assignments' }).check();
    await popup.getByRole('checkbox', { name: 'Complete Away Team Assignments', checked: true }).waitFor();
    await milestone(panel, 'Hidden Motivations').getByRole('switch', { name: /completed/i }).uncheck();
    await popup.getByRole('switch', { name: /completed/i, checked: false }).waitFor();
    await expect.poll(async () => (await storedMilestone(panel, 'hidden-motivations'))?.completedAt).toBeUndefined();
  });

  it('records a missed milestone as done after the fact', async () => {
    await openBothViews({ checked: { 'hidden-motivations': ['away-team', 'trait-xp'] } });
    await milestone(panel, 'Unraveling Anomalies').getByRole('switch', { name: /completed/i }).check();
    await milestone(panel, 'Unraveling Anomalies').getByText('Done', { exact: true }).waitFor();
    await panel.getByText('100 earned · 400 reachable · 500 total').waitFor();
  });

  it("keeps the server's points as typed, with when, and says how many points and full runs are missing", async () => {
    await openBothViews();
    const server = panel.getByRole('region', { name: 'Defenders of Peace – IMS' });
    await server.getByRole('textbox', { name: 'Server points seen in game' }).fill('4,200');
    await server.getByRole('button', { name: 'Save' }).click();
    await server.getByText('4,725 points still needed: about 10 more full runs of 500 points (every milestone done by one Commander)').waitFor();
    await expect(server.getByText(/^Saved 4,200 points at /).isVisible()).resolves.toBe(true);

    await panel.reload();
    await panel.locator('main[aria-busy="false"]').waitFor();
    expect(await server.getByRole('textbox', { name: 'Server points seen in game' }).inputValue()).toBe('4200');
  });

  it('says "objectives not published" for Testing Destinies after switching to Architects of Chaos', async () => {
    await openBothViews();
    await panel.getByRole('radio', { name: 'Architects of Chaos · Villain' }).check();
    const testing = milestone(panel, 'Testing Destinies');
    await testing.getByText('Objectives not published').waitFor();
    expect(await testing.getByRole('checkbox').count()).toBe(0);
    await popup.getByRole('heading', { name: 'Confronting Resilience' }).waitFor();
  });
});
