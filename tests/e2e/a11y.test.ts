// axe-core on the popup, the side panel and the options page of the built extension, in light and
// dark: no serious or critical violation in any state a Commander sees. Each test starts from the store it sets up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedExtension } from './chromium';
import { BUILTIN, DEFENDERS, FIRST_RUN, builtinArcStore, launchOnWednesday, openView, startFrom, storedMilestone } from './view-pages';
import { STORED, onePackStore } from './extension-store';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Serious and critical violations on the page as it is now, in both colour schemes. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol, which the extension page's CSP (no inline scripts) does not block.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    for (const v of violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push(`${colorScheme}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  let ext: LaunchedExtension;
  /** An extension page to set up the store from. */
  let control: Page;

  beforeAll(async () => {
    ({ ext, control } = await launchOnWednesday());
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('in the popup on first run', async () => {
    await startFrom(control, FIRST_RUN);
    const popup = await openView(ext, 'popup');
    await popup.getByRole('button', { name: 'Defenders of Peace · Hero' }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('in the side panel on first run', async () => {
    await startFrom(control, FIRST_RUN);
    const panel = await openView(ext, 'sidepanel');
    await panel.getByRole('button', { name: 'Defenders of Peace · Hero' }).waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('in the popup with a live milestone, an objective checked', async () => {
    await startFrom(control, FIRST_RUN);
    const popup = await openView(ext, 'popup');
    await popup.getByRole('button', { name: 'Defenders of Peace · Hero' }).click();
    await popup.getByRole('checkbox', { name: 'Spend Trait XP' }).check();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('lets the popup be used with the keyboard alone, in reading order', async () => {
    await startFrom(control, builtinArcStore(DEFENDERS, { checked: { 'hidden-motivations': ['trait-xp'] } }));
    const popup = await openView(ext, 'popup');
    await popup.getByRole('heading', { name: 'Hidden Motivations' }).waitFor();
    await popup.getByRole('checkbox', { name: 'Spend Trait XP', checked: true }).waitFor();
    const focusedNames: string[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.keyboard.press('Tab');
      focusedNames.push(
        await popup.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          return (el?.labels?.[0] ?? el)?.textContent?.trim() ?? '';
        }),
      );
    }
    expect(focusedNames).toEqual([
      'Open side panel',
      'Complete Away Team Assignments',
      'Spend Trait XP',
      'Milestone completed · 100 points',
      'change the daily reset',
      'Options',
    ]);
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Space');
    await popup.getByRole('switch', { name: /completed/i, checked: true }).waitFor();
    await popup.keyboard.press('Shift+Tab');
    await popup.keyboard.press('Space');
    // Wait for the stored state to come back: the view re-renders after its write.
    await shownOrExplained(popup, 'checkbox', 'Spend Trait XP', false);
    // And back again: Space re-checks the objective, Tab moves forward to the switch.
    await popup.keyboard.press('Space');
    await shownOrExplained(popup, 'checkbox', 'Spend Trait XP', true);
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Space');
    await popup.getByRole('switch', { name: /completed/i, checked: false }).waitFor();
    await popup.close();
  });

  /**
   * Waits for the control to show `checked`; if it never does, fails with what the popup and the store held
   * then (this step timed out twice on loaded CI machines and never here: the next time says why).
   */
  async function shownOrExplained(popup: Page, role: 'checkbox' | 'switch', name: string, checked: boolean) {
    try {
      await popup.getByRole(role, { name, checked }).waitFor({ timeout: 15_000 });
    } catch (timeout) {
      const seen = await popup.evaluate(() => ({
        focused: document.activeElement?.closest('label')?.textContent ?? document.activeElement?.tagName,
        alerts: [...document.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent),
        boxes: [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => `${box.closest('label')?.textContent}: ${box.checked}`),
      }));
      const stored = await storedMilestone(control, 'hidden-motivations');
      throw new Error(`${role} “${name}” never showed checked=${checked}: ${JSON.stringify({ ...seen, stored })}`, { cause: timeout });
    }
  }

  it('in the side panel with every status, a note and a server entry open', async () => {
    await startFrom(control, builtinArcStore(DEFENDERS, { checked: { 'hidden-motivations': ['trait-xp'] } }));
    const panel = await openView(ext, 'sidepanel');
    const first = panel.getByRole('article', { name: 'Unraveling Anomalies' });
    await first.getByRole('switch', { name: /completed/i }).check();
    await first.getByText('Done', { exact: true }).waitFor();
    await first.locator('summary').first().click();
    await panel.getByRole('article', { name: 'Hidden Motivations' }).getByText('Notes').click();
    await panel.getByRole('textbox', { name: 'Server points seen in game' }).fill('lots');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText(/whole number/).waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('in the popup after the arc', async () => {
    await startFrom(control, builtinArcStore(DEFENDERS, { completed: ['unraveling-anomalies'] }));
    const page = await ext.context.newPage();
    await page.clock.setFixedTime(new Date('2024-06-01T12:00:00Z'));
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await page.getByText(/The arc ended on/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('in the popup, the side panel and the options page with two Commanders, the removal question open', async () => {
    await startFrom(control, {
      ...builtinArcStore(DEFENDERS, { completed: ['hidden-motivations'] }),
      [STORED.keys.commanders]: {
        activeId: 'c1',
        list: [
          { id: 'c1', name: 'Kirk', server: 'S12', tracks: { [BUILTIN]: DEFENDERS } },
          { id: 'c2', name: 'Spock', tracks: { [BUILTIN]: DEFENDERS } },
        ],
      },
    });
    for (const view of ['popup', 'sidepanel'] as const) {
      const page = await openView(ext, view);
      await page.getByRole('combobox', { name: 'Commander' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Remove Spock' }).click();
    await options.getByRole('dialog', { name: 'Remove Spock?' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('in the options page', async () => {
    await startFrom(control, builtinArcStore(DEFENDERS));
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.waitForFunction(() => document.body.innerText.trim().length > 0);
    await options.waitForLoadState('networkidle');
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('in the options page with an imported pack open in the form', async () => {
    const start = Date.parse('2023-11-15T12:00:00Z');
    const arc = {
      format: 'stfc-milestone-pack',
      version: 1,
      id: 'a11y-edit',
      title: 'Edited arc',
      requirements: ['Commander level 10'],
      tracks: [
        {
          id: 'heroes',
          name: 'Heroes',
          server: { name: 'Heroes – IMS', start: '2023-11-13', end: '2023-11-18', goal: 8925, rewards: ['Shards'] },
          solo: { name: 'Hero – SMS' },
          milestones: [
            { id: 'one', name: 'One', points: 100, start: '2023-11-13', end: '2023-11-14', objectives: [{ id: 'a', text: 'Dock' }] },
            { id: 'two', name: 'Two', points: 100, start: '2023-11-14', end: '2023-11-17', objectives: [] },
            { id: 'three', name: 'Three', points: 100, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString(), objectives: [] },
          ],
        },
      ],
    };
    await startFrom(control, onePackStore(arc, { followedTrackId: 'heroes', importedAt: start }));
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Edit Edited arc' }).click();
    await options.getByRole('button', { name: 'Save changes to “Edited arc”' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});
