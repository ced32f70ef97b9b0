// The card on the official STFC pages, in Chromium, on the e2e build (which holds the overlay's access from
// install: a headless browser cannot answer the prompt). A stand-in page is served over HTTPS from 127.0.0.1
// with a throwaway certificate made here, and reached under the official host name (--host-resolver-rules),
// certificate errors ignored. Playwright's locators do not pierce closed shadow roots, so the test reads the
// card through the accessibility tree (CDP), reaches its controls with Tab, as a Commander's keyboard does, and
// clicks by position with the real mouse.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR, launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { announceStoreChange, badgeRgba, onePackStore, readBadge, readStore, replaceStore, sameColour, STORED, waitForBadge } from './extension-store';
import { pollUntil } from '../helpers/poll';

const HOST = 'home.startrekfleetcommand.com';
const PAGE_URL = `https://${HOST}/en/store/web-gifts`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');
const minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;

const SLOW = { timeout: 10_000, interval: 100 };
const PACK_ID = 'e2e-overlay-week';
const TRACK_ID = 'resistance';
const MILESTONE = { id: 'web-gifts-day', name: 'Claim the Daily Gift' };
/** One milestone, live for the next 5 h 30 min (real time: the card runs beside the page, whose clock is not faked). */
const livePack = {
  format: 'stfc-milestone-pack',
  version: 1,
  id: PACK_ID,
  title: 'Overlay test week',
  tracks: [
    {
      id: TRACK_ID,
      name: 'Resistance',
      role: 'Hero',
      milestones: [{ ...MILESTONE, points: 100, start: iso(minuteNow - HOUR), end: iso(minuteNow + 5 * HOUR + 30 * MINUTE), objectives: [{ id: 'open', text: 'Open the web store' }] }],
    },
  ],
};

/** The stand-in official page: a header, a link and a button, as the real store has. */
const STAND_IN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Star Trek Fleet Command · Web Store</title>
<style>body{font-family:serif;color:red} body *{color:red !important;font-size:30px !important}</style></head>
<body><header><a href="/en/account">Account</a></header><main><h1>Web Gifts</h1><button type="button">Claim</button></main></body></html>`;

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  properties?: Array<{ name: string; value: { value?: unknown } }>;
  ignored?: boolean;
}

describe('the overlay on the official STFC pages', () => {
  let dir: string;
  let server: Server;
  let ext: LaunchedExtension;
  let options: Page;
  const served: string[] = [];

  /** The page's accessibility tree, which holds the card's closed shadow root as every assistive technology sees it. */
  async function axNodes(cdp: CDPSession): Promise<AxNode[]> {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes.filter((node) => !node.ignored);
  }
  const prop = (node: AxNode, name: string) => node.properties?.find((p) => p.name === name)?.value.value;
  const named = (nodes: AxNode[], role: string, name: string | RegExp) =>
    nodes.find((node) => node.role?.value === role && (typeof name === 'string' ? node.name?.value === name : name.test(node.name?.value ?? '')));
  const texts = (nodes: AxNode[]) => nodes.map((node) => node.name?.value ?? '').filter(Boolean);

  async function openOfficialPage(): Promise<{ page: Page; cdp: CDPSession }> {
    const page = await ext.context.newPage();
    await page.goto(PAGE_URL);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    return { page, cdp };
  }

  /** Waits for the card to show the live milestone, and returns the tree it is in. */
  const cardShown = (cdp: CDPSession) =>
    pollUntil(
      async () => {
        const nodes = await axNodes(cdp);
        if (!named(nodes, 'heading', MILESTONE.name)) throw new Error(`no card; the page shows ${JSON.stringify(texts(nodes))}`);
        return nodes;
      },
      SLOW,
    );

  /** Presses Tab until the focused node is `role` named `name`, as a keyboard user reaches it at the end of the page. */
  async function tabTo(page: Page, cdp: CDPSession, role: string, name: string): Promise<number> {
    await page.bringToFront();
    const seen: string[] = [];
    for (let presses = 1; presses <= 12; presses++) {
      await page.keyboard.press('Tab');
      // The document itself reads as focused too: the control is the focused node inside it.
      const focused = (await axNodes(cdp)).find((node) => prop(node, 'focused') === true && node.role?.value !== 'RootWebArea');
      seen.push(`${focused?.role?.value} ${focused?.name?.value}`);
      if (focused?.role?.value === role && focused.name?.value === name) return presses;
    }
    throw new Error(`Tab never reached the ${role} “${name}”: ${seen.join(', ')}`);
  }

  const storedMilestone = async () => {
    const key = STORED.keys.progress(PACK_ID);
    const { [key]: progress } = await readStore(options, [key]);
    return (progress as { tracks: Record<string, { milestones: Record<string, { completedAt?: number }> }> } | undefined)?.tracks[TRACK_ID]?.milestones[MILESTONE.id];
  };

  const overlaySwitch = () => options.getByRole('switch', { name: 'Show on the official STFC web pages' });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stfc-e2e-overlay-'));
    // A throwaway certificate for the official host name, valid for a day, made for this run only.
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`,
    ], { stdio: 'ignore' });
    server = createServer({ key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) }, (request, response) => {
      served.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(STAND_IN);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    ext = await launchExtension({
      dir: E2E_EXTENSION_DIR,
      args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1:${port}`],
      ignoreHTTPSErrors: true,
    });
    options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await replaceStore(options, onePackStore(livePack, { followedTrackId: TRACK_ID }));
    await announceStoreChange(options);
    await options.reload();
    await options.getByRole('heading', { name: 'Official STFC web pages' }).waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('injects nothing while the switch is off (the default)', async () => {
    await expect.poll(() => overlaySwitch().isDisabled()).toBe(false);
    expect(await overlaySwitch().isChecked()).toBe(false);
    const { page } = await openOfficialPage();
    // The stand-in page was served under the official name: the host mapping and the certificate work.
    expect(served).toContain('/en/store/web-gifts');
    expect(await page.title()).toBe('Star Trek Fleet Command · Web Store');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.querySelector('stfc-milestone-tracker'))).toBeNull();
    expect(await page.evaluate(() => document.body.children.length)).toBe(2);
    await page.close();
  });

  it('turned on, shows the live milestone with its track and countdown', async () => {
    await overlaySwitch().click();
    await expect.poll(() => overlaySwitch().isChecked()).toBe(true);
    expect(await options.getByRole('status').filter({ hasText: /^On:/ }).count()).toBe(1);

    const { page, cdp } = await openOfficialPage();
    const nodes = await cardShown(cdp);
    expect(named(nodes, 'region', 'STFC Milestone Tracker')).toBeDefined();
    expect(texts(nodes)).toContain('Resistance');
    expect(texts(nodes).some((text) => /^ends in 5 h 2\d min$/.test(text))).toBe(true);
    expect(prop(named(nodes, 'switch', 'Milestone completed')!, 'checked')).toBe('false');
    // Playwright's own locators do not reach into a closed shadow root.
    expect(await page.getByRole('switch', { name: 'Milestone completed' }).count()).toBe(0);
    // The card took none of the page's styles (red 30 px serif text, !important): its own theme's type and colours.
    const style = await cardStyle(cdp);
    expect(style['font-size']).toBe('16px');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style['font-family']).not.toBe('serif');
    expect(style.position).toBe('static');
    // Nothing on the page's own elements changed.
    expect(await page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style'), document.body.className])).toEqual([null, null, '']);
    await page.close();
  });

  it('keeps its text and switch from the page: no DOM path to them, and synthetic events change nothing', async () => {
    const { page, cdp } = await openOfficialPage();
    await cardShown(cdp);
    const before = await storedMilestone();
    // Where the card is on screen (a page could find it by hit-testing): whatever it reaches there is the host itself.
    const box = await cardBox(cdp);
    const seen = await page.evaluate(async (box) => {
      const host = document.querySelector('stfc-milestone-tracker') as HTMLElement;
      const atCard = [...Array(20)].map((_, i) => document.elementFromPoint(box.left + ((i % 5) + 0.5) * (box.width / 5), box.top + (Math.floor(i / 5) + 0.5) * (box.height / 4)));
      for (const target of [host, ...atCard]) {
        if (!target) continue;
        (target as HTMLElement).click();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
        target.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, composed: true }));
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return {
        shadowRoot: host.shadowRoot,
        innerHtml: host.innerHTML,
        bodyText: document.body.innerText,
        bodyContent: document.body.textContent,
        html: document.documentElement.outerHTML,
        reached: [...new Set(atCard.map((element) => element?.tagName.toLowerCase()))],
        onWindow: Object.keys(window).filter((key) => /stfc|overlay|tracker/i.test(key)),
      };
    }, box);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.innerHtml).toBe('');
    for (const text of [seen.bodyText, seen.bodyContent, seen.html]) {
      expect(text).not.toContain(MILESTONE.name);
      expect(text).not.toContain('Milestone completed');
    }
    expect(seen.reached).toEqual(['stfc-milestone-tracker']);
    expect(seen.onWindow).toEqual([]);
    // Progress unchanged, and the card still open with its switch off (the synthetic Escape did not collapse it).
    expect(await storedMilestone()).toEqual(before);
    const nodes = await axNodes(cdp);
    expect(prop(named(nodes, 'switch', 'Milestone completed')!, 'checked')).toBe('false');
    expect(named(nodes, 'button', 'Collapse')).toBeDefined();
    await page.close();
  });

  it('records its completed switch (reached with Tab at the end of the page): the badge turns green and an open side panel shows Done', async () => {
    const panel = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    await panel.getByRole('article', { name: MILESTONE.name }).getByText('Live', { exact: true }).waitFor();
    const { page, cdp } = await openOfficialPage();
    await cardShown(cdp);
    // Tab goes through the page's own link and button first: the card is last in the order, and took no focus.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await tabTo(page, cdp, 'switch', 'Milestone completed')).toBeGreaterThan(2);
    await page.keyboard.press('Space');

    expect(sameColour((await waitForBadge(ext.serviceWorker, (b) => b.text === '5h' && sameColour(b.colour, badgeRgba('green')))).colour, badgeRgba('green'))).toBe(true);
    await panel.getByRole('article', { name: MILESTONE.name }).getByText('Done', { exact: true }).waitFor();
    expect((await storedMilestone())?.completedAt).toBeGreaterThan(0);
    await pollUntil(async () => {
      if (prop(named(await axNodes(cdp), 'switch', 'Milestone completed')!, 'checked') !== 'true') throw new Error('the card’s switch is not on');
    }, SLOW);

    // Turned off in the side panel, the card follows without a reload.
    await panel.getByRole('article', { name: MILESTONE.name }).getByRole('switch', { name: /completed/i }).uncheck();
    await pollUntil(async () => {
      if (prop(named(await axNodes(cdp), 'switch', 'Milestone completed')!, 'checked') !== 'false') throw new Error('the card did not follow the side panel');
    }, SLOW);
    expect((await readBadge(ext.serviceWorker)).text).toBe('5h');
    await panel.close();
    await page.close();
  });

  it('collapses to a pill with Escape and opens again from it', async () => {
    const { page, cdp } = await openOfficialPage();
    await cardShown(cdp);
    await tabTo(page, cdp, 'button', 'Collapse');
    await page.keyboard.press('Escape');
    const pill = await pollUntil(async () => {
      const found = named(await axNodes(cdp), 'button', /^STFC Milestone Tracker · ends in 5 h/);
      // The focus stays on the card: it moves to the pill, which took the collapse button's place.
      if (!found || prop(found, 'focused') !== true) throw new Error(`no focused pill: ${JSON.stringify(found)}`);
      return found;
    }, SLOW);
    expect(prop(pill, 'expanded')).toBe(false);
    await page.keyboard.press('Enter');
    await cardShown(cdp);
    await page.close();
  });

  it('is dragged to the nearest corner and stays there on the next page', async () => {
    const { page, cdp } = await openOfficialPage();
    await cardShown(cdp);
    const box = await page.evaluate(() => {
      return { viewport: { width: innerWidth, height: innerHeight } };
    });
    const { left, top } = await cardBox(cdp);
    expect(left).toBeGreaterThan(box.viewport.width / 2);
    expect(top).toBeGreaterThan(box.viewport.height / 2);
    // Grab the card's top bar (its brand text) and drop it near the top left.
    await page.mouse.move(left + 30, top + 18);
    await page.mouse.down();
    await page.mouse.move(200, 150, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await readStore(options, [STORED.keys.settings]))[STORED.keys.settings]).toMatchObject({ overlayCorner: 'top-left' });
    await page.reload();
    await cardShown(cdp);
    const moved = await cardBox(cdp);
    expect(moved.left).toBeLessThan(100);
    expect(moved.top).toBeLessThan(100);
    await page.close();
  });

  it('moves with the keyboard too: its Move button takes it to the next corner, the focus staying on it', async () => {
    // The card is top left now (the test above dragged it there).
    const { page, cdp } = await openOfficialPage();
    await cardShown(cdp);
    const width = await page.evaluate(() => innerWidth);
    await tabTo(page, cdp, 'button', 'Move to the top right corner');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readStore(options, [STORED.keys.settings]))[STORED.keys.settings]).toMatchObject({ overlayCorner: 'top-right' });
    const moved = await cardBox(cdp);
    expect(moved.left).toBeGreaterThan(width / 2);
    expect(moved.top).toBeLessThan(100);
    const focused = named(await axNodes(cdp), 'button', 'Move to the bottom right corner');
    expect(focused && prop(focused, 'focused')).toBe(true);
    await page.close();
  });

  it('turned off, is gone after a reload', async () => {
    const { page, cdp } = await openOfficialPage();
    await cardShown(cdp);
    await overlaySwitch().click();
    await expect.poll(() => overlaySwitch().isChecked()).toBe(false);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => document.querySelector('stfc-milestone-tracker'))).toBeNull();
    expect(named(await axNodes(cdp), 'heading', MILESTONE.name)).toBeUndefined();
    // A reloaded options page reads it off from the browser (no flag is stored that could disagree).
    await options.reload();
    await expect.poll(() => overlaySwitch().isDisabled()).toBe(false);
    expect(await overlaySwitch().isChecked()).toBe(false);
    await page.close();
  });
});

/** The computed style of the card's heading (the milestone's name), read through CDP as the closed root allows. */
async function cardStyle(cdp: CDPSession): Promise<Record<string, string>> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number }> };
  const heading = nodes.find((node) => node.role?.value === 'heading' && node.name?.value === MILESTONE.name);
  if (heading?.backendDOMNodeId === undefined) throw new Error('no heading');
  await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.send('CSS.enable');
  const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [heading.backendDOMNodeId] })) as { nodeIds: number[] };
  const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0]! })) as { computedStyle: Array<{ name: string; value: string }> };
  return Object.fromEntries(computedStyle.map(({ name, value }) => [name, value]));
}

/**
 * The card's box on screen (its <section>, the region the accessibility tree names): the host element is
 * inline and empty, and the card inside it is fixed in its corner.
 */
async function cardBox(cdp: CDPSession): Promise<{ left: number; top: number; width: number; height: number }> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number }> };
  const region = nodes.find((node) => node.role?.value === 'region' && node.name?.value === 'STFC Milestone Tracker');
  if (region?.backendDOMNodeId === undefined) throw new Error('no card region');
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: region.backendDOMNodeId })) as { model: { border: number[]; width: number; height: number } };
  return { left: model.border[0]!, top: model.border[1]!, width: model.width, height: model.height };
}
