// The toolbar popup of the built extension in Chromium, with the built-in arc and the page clock on
// Wednesday 15 November 2023 at 12:00 UTC: choose a track, check an objective, complete the milestone,
// reopen and find both kept. Each test starts from the store it sets up.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedExtension } from './chromium';
import { DEFENDERS, FIRST_RUN, WED_NOON, builtinArcStore, openView, startFrom, storedMilestone, launchOnWednesday } from './view-pages';
import { BUILTIN_PACK_ID, STORED, oneCommander } from './extension-store';

describe('the popup with the built-in arc on Wednesday 15 November 2023, 12:00 UTC', () => {
  let ext: LaunchedExtension;
  /** An extension page to set up the store from. */
  let control: Page;

  beforeAll(async () => {
    ({ ext, control } = await launchOnWednesday());
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('asks for the daily reset on first run, and the chosen reset moves the live milestone’s end', async () => {
    // A Commander who follows the arc but has not answered the reset question yet.
    await startFrom(control, { ...builtinArcStore(DEFENDERS), [STORED.keys.commanders]: oneCommander({ [BUILTIN_PACK_ID]: DEFENDERS }) });
    const popup = await openView(ext, 'popup');
    const question = popup.getByRole('form', { name: 'Daily reset' });
    await question.waitFor();
    const end = () => popup.getByRole('article', { name: 'Hidden Motivations' }).locator('.countdown-line time').getAttribute('datetime');
    // Until answered, the day starts at 00:00 UTC (the built-in pack gives dates only).
    expect(await end()).toBe('2023-11-16T00:00:00.000Z');
    await question.getByLabel('Reset time').fill('11:00');
    await question.getByLabel('Time zone').selectOption('UTC');
    await question.getByRole('button', { name: 'Save' }).click();
    await popup.getByText(/^Daily reset/).waitFor();
    await expect.poll(end).toBe('2023-11-16T11:00:00.000Z');
    expect(await question.count()).toBe(0);
    // Stored for the Commander: the next open asks no more.
    await popup.close();
    const again = await openView(ext, 'popup');
    await again.getByText(/^Daily reset/).waitFor();
    expect(await again.getByRole('form', { name: 'Daily reset' }).count()).toBe(0);
    await again.close();
  });

  it("offers a choice between the pack's tracks on first run", async () => {
    await startFrom(control, FIRST_RUN);
    const popup = await openView(ext, 'popup');
    // The chooser's code loads on first run only (components/lazy.ts): wait for it, then check what it offers.
    await popup.getByRole('heading', { name: 'Choose your side' }).waitFor();
    await expect(popup.getByRole('heading', { name: 'Choose your side' }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('button', { name: 'Defenders of Peace · Hero' }).isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('button', { name: 'Architects of Chaos · Villain' }).isVisible()).resolves.toBe(true);
    await popup.close();
  });

  it('shows Hidden Motivations, its countdown and end time once Defenders of Peace is chosen', async () => {
    await startFrom(control, FIRST_RUN);
    const popup = await openView(ext, 'popup');
    await popup.getByRole('button', { name: 'Defenders of Peace · Hero' }).click();
    const card = popup.getByRole('article', { name: 'Hidden Motivations' });
    await card.getByRole('heading', { name: 'Hidden Motivations' }).waitFor();
    expect(await card.getByRole('timer').innerText()).toMatch(/^ends in 1[12] h( \d+ min)?$/);
    const endTime = await popup.evaluate(() =>
      // The locale's hour format, and the zone name: it is the popup's first time.
      new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(
        Date.UTC(2023, 10, 16),
      ),
    );
    await expect(card.getByText(endTime).isVisible()).resolves.toBe(true);
    await expect(popup.getByText('0 earned · 300 reachable · 500 total').isVisible()).resolves.toBe(true);
    await expect(popup.getByText('Assembling the Resistance').isVisible()).resolves.toBe(true);
    await popup.close();
  });

  it('keeps a checked objective and the completed milestone after the popup is reopened', async () => {
    await startFrom(control, builtinArcStore(DEFENDERS));
    let popup = await openView(ext, 'popup');
    await popup.getByRole('checkbox', { name: 'Complete Away Team Assignments' }).check();
    await expect.poll(async () => Object.keys((await storedMilestone(popup, 'hidden-motivations'))?.objectives ?? {})).toEqual(['away-team']);

    await popup.getByRole('switch', { name: /completed/i }).check();
    await expect.poll(async () => (await storedMilestone(popup, 'hidden-motivations'))?.completedAt ?? 0).toBeGreaterThan(0);
    // Recorded at the page's time, on the arc's Wednesday.
    const completedAt = (await storedMilestone(popup, 'hidden-motivations'))!.completedAt!;
    expect(completedAt - WED_NOON.getTime()).toBeGreaterThanOrEqual(0);
    expect(completedAt - WED_NOON.getTime()).toBeLessThan(3_600_000);
    await popup.close();

    popup = await openView(ext, 'popup');
    await popup.getByRole('heading', { name: 'Hidden Motivations' }).waitFor();
    expect(await popup.getByRole('checkbox', { name: 'Complete Away Team Assignments' }).isChecked()).toBe(true);
    expect(await popup.getByRole('checkbox', { name: 'Spend Trait XP' }).isChecked()).toBe(false);
    expect(await popup.getByRole('switch', { name: /completed/i }).isChecked()).toBe(true);
    await expect(popup.getByText('100 earned · 300 reachable · 500 total').isVisible()).resolves.toBe(true);
    await popup.close();
  });

  it('shows Confronting Resilience once the side panel switches to Architects of Chaos', async () => {
    // Away Team Assignments checked for Defenders of Peace: the other track's objective of that name stays unchecked.
    await startFrom(control, builtinArcStore(DEFENDERS, { checked: { 'hidden-motivations': ['away-team'] }, completed: ['hidden-motivations'] }));
    const panel = await openView(ext, 'sidepanel');
    await panel.getByRole('group', { name: 'Your side' }).getByRole('radio', { name: 'Architects of Chaos · Villain' }).check();
    await panel.getByRole('article', { name: 'Confronting Resilience' }).waitFor();
    await panel.close();

    const popup = await openView(ext, 'popup');
    await popup.getByRole('heading', { name: 'Confronting Resilience' }).waitFor();
    await expect(popup.getByText('Architects of Chaos · Villain').isVisible()).resolves.toBe(true);
    expect(await popup.getByRole('checkbox', { name: 'Complete Away Team Assignments' }).isChecked()).toBe(false);
    await popup.close();
  });
});
