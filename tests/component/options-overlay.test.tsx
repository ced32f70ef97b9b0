// The options page's switch for the card on the official pages, on fakeBrowser's permissions and a scripting
// API that keeps what is registered: off by default; on asks for scripting and the one host inside the click
// and registers the card for that host only; refused, it says so and registers nothing; off unregisters and
// gives the access back; and it reads as off when the access was withdrawn in the browser.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsOverlay } from '../../entrypoints/options/OverlaySection';

const HOST = 'https://home.startrekfleetcommand.com/*';
let granted: Set<string>;
let allow: boolean;
let registered: Array<{ id: string; matches: string[]; js: string[] }>;
let request: ReturnType<typeof vi.fn>;
let remove: ReturnType<typeof vi.fn>;

beforeEach(() => {
  granted = new Set();
  allow = false;
  registered = [];
  const permissions = fakeBrowser.permissions as any;
  const all = ({ permissions = [], origins = [] }: { permissions?: string[]; origins?: string[] }) => [...permissions, ...origins];
  request = permissions.request = vi.fn(async (asked: object) => {
    if (allow) for (const each of all(asked)) granted.add(each);
    return allow;
  });
  permissions.contains = vi.fn(async (asked: object) => all(asked).every((each) => granted.has(each)));
  remove = permissions.remove = vi.fn(async (asked: object) => {
    for (const each of all(asked)) granted.delete(each);
    return true;
  });
  (fakeBrowser as any).scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
    registerContentScripts: vi.fn(async (scripts: typeof registered) => void registered.push(...scripts)),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => void (registered = registered.filter((s) => !ids.includes(s.id)))),
  };
});

const overlaySwitch = () => screen.getByRole('switch', { name: 'Show on the official STFC web pages' }) as HTMLInputElement;
const ready = () => waitFor(() => expect(overlaySwitch().disabled).toBe(false));

describe('the switch for the card on the official STFC pages', () => {
  it('is off by default, with nothing registered', async () => {
    render(<OptionsOverlay />);
    await ready();
    expect(overlaySwitch().checked).toBe(false);
    expect(registered).toEqual([]);
  });

  it('turned on, asks for scripting and that one host, and registers the card there only', async () => {
    allow = true;
    render(<OptionsOverlay />);
    await ready();
    await act(() => void fireEvent.click(overlaySwitch()));
    await waitFor(() => expect(overlaySwitch().checked).toBe(true));
    expect(request).toHaveBeenCalledWith({ permissions: ['scripting'], origins: [HOST] });
    expect(registered).toEqual([expect.objectContaining({ matches: [HOST], js: ['content-scripts/overlay.js'], persistAcrossSessions: true })]);
    expect(screen.getByRole('status').textContent).toMatch(/^On: open or reload/);
  });

  it('refused, says so and changes nothing', async () => {
    render(<OptionsOverlay />);
    await ready();
    await act(() => void fireEvent.click(overlaySwitch()));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/did not allow access to home\.startrekfleetcommand\.com/));
    expect(overlaySwitch().checked).toBe(false);
    expect(registered).toEqual([]);
  });

  it('turned off, unregisters the card and gives the access back', async () => {
    allow = true;
    render(<OptionsOverlay />);
    await ready();
    await act(() => void fireEvent.click(overlaySwitch()));
    await waitFor(() => expect(overlaySwitch().checked).toBe(true));
    await act(() => void fireEvent.click(overlaySwitch()));
    await waitFor(() => expect(overlaySwitch().checked).toBe(false));
    expect(registered).toEqual([]);
    expect(remove).toHaveBeenCalledWith({ permissions: ['scripting'], origins: [HOST] });
    expect(granted.size).toBe(0);
  });

  it('reads as off when the access was withdrawn in the browser, though the script is still registered', async () => {
    registered = [{ id: 'official-pages-overlay', matches: [HOST], js: ['content-scripts/overlay.js'] }];
    granted.add('scripting');
    render(<OptionsOverlay />);
    await ready();
    expect(overlaySwitch().checked).toBe(false);
  });
});
