// The one place that sets the toolbar badge: its text, colour and tooltip, as lib/badge/rules.ts planned them.
import { browser } from 'wxt/browser';
import { BADGE_COLOURS, type Badge } from './rules';

export async function showBadge(badge: Badge): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setTitle({ title: badge.title }),
    badge.colour ? browser.action.setBadgeBackgroundColor({ color: BADGE_COLOURS[badge.colour] }) : undefined,
    badge.colour && browser.action.setBadgeTextColor ? browser.action.setBadgeTextColor({ color: '#ffffff' }) : undefined,
  ]);
}
