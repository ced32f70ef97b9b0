// The documents say the limits the code enforces: the README's table and the pack format's paragraph
// are checked against lib/storage/limits.ts, so changing a number without its documentation fails.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inMiB, MAX_BACKUP_BYTES, MAX_FEEDS_BYTES, MAX_PACK_BYTES, MAX_PACK_SETTINGS, MAX_PACKS, MAX_PROGRESS_BYTES, MAX_PROGRESS_PACKS, MAX_TOTAL_PACK_BYTES } from '../../../lib/storage/limits';
import { MAX_FEEDS } from '../../../lib/feeds/feed-record';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

/** The README's limits table: what → "at most" cell. */
function limitsTable(readme: string): Map<string, string> {
  const section = readme.slice(readme.indexOf('### Limits'), readme.indexOf('## Firefox'));
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length >= 4 && !/^-+$/.test(cells[1]!) && cells[1] !== 'what') rows.set(cells[1]!, cells[2]!);
  }
  return rows;
}

describe('the documented limits', () => {
  const readme = read('README.md');
  const table = limitsTable(readme);
  const row = (start: string) => [...table].find(([what]) => what.startsWith(start))?.[1];

  it("are the README table's numbers", () => {
    expect(row('imported packs')).toBe(String(MAX_PACKS));
    expect(row('one pack')).toBe(inMiB(MAX_PACK_BYTES));
    expect(row('the imported packs together')).toBe(inMiB(MAX_TOTAL_PACK_BYTES));
    expect(row('packs with recorded progress')).toBe(String(MAX_PROGRESS_PACKS));
    expect(row("one pack's recorded progress")).toMatch(new RegExp(`^${inMiB(MAX_PROGRESS_BYTES)}\\b`));
    expect(row('packs with settings')).toBe(String(MAX_PACK_SETTINGS));
    expect(row('feeds')).toBe(`${MAX_FEEDS} feeds, ${inMiB(MAX_FEEDS_BYTES)} of records`);
    expect(row('a backup file')).toBe(inMiB(MAX_BACKUP_BYTES));
  });

  it('give the backup size the same way everywhere, and the pack total in the format', () => {
    expect(readme).toContain(`files over ${inMiB(MAX_BACKUP_BYTES)} are refused unread`);
    expect(readme).not.toMatch(/\b16 MiB\b/);
    const format = read('docs/pack-format.md');
    expect(format).toContain(`at most ${MAX_PACKS} imported packs`);
    expect(format).toContain(`take at most ${inMiB(MAX_TOTAL_PACK_BYTES)} as stored`);
  });
});
