// Rules of the repository's layout, checked rather than remembered: where browser and IndexedDB calls
// may live, what the pure domain may import, which components are shared, and that the README's
// Layout table describes the tree as it is.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = join(dir, name);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

const LIB = sourceFiles('lib');
const PAGES = ['popup', 'sidepanel', 'options'] as const;
const VIEW_CODE = [...sourceFiles('components'), ...sourceFiles('entrypoints')];

const isAdapter = (file: string) => file.endsWith('-adapter.ts');

/** Source without comments, so a comment that names an API does not count as a call. */
function code(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The repository files a module imports (static, dynamic and type-only), resolved like the bundler does. */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const match of code(file).matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const spec = match[1]!.replace(/\?.*$/, '');
    const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(ROOT, dirname(file), spec) : undefined;
    if (!base) continue;
    const hit = ['.ts', '.tsx', '/index.ts', ''].map((ext) => base + ext).find((path) => existsSync(path) && statSync(path).isFile());
    if (hit && /\.tsx?$/.test(hit)) found.push(relative(ROOT, hit));
  }
  return found;
}

/** Every repository module `file` reaches through its imports, itself excluded. */
function reachable(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (each: string) => {
    for (const next of importsOf(each)) {
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
    }
  };
  visit(file);
  seen.delete(file);
  return seen;
}

/** Code that calls the browser's extension APIs or IndexedDB, or loads a library that does. */
const CALLS_OUT = [
  /\bbrowser\s*\.\s*[a-z]/,
  /\bchrome\s*\.\s*[a-z]/,
  /\bindexedDB\b/,
  /\blocalStorage\b/,
  // An IndexedDB object store's own calls, made inside an idb-keyval store's transaction.
  /\.(openCursor|getAllKeys)\s*\(|\.transaction\.on(complete|abort|error)\b/,
  /globalThis\b[^;]*\b(browser|chrome)\b/,
  /^import\s+(?!type\b)[^;]*from\s+['"](wxt\/browser|idb-keyval|@webext-core\/messaging)['"]/m,
  /import\(\s*['"](idb-keyval|@webext-core\/messaging)['"]\s*\)/,
  // The network. The built-in pack's fetch of the extension's own file (lib/packs/builtin.ts) is not network.
  /\bfetch\s*\((?!\s*BUILTIN_PACK_FILE\b)/,
];

describe('the layout', () => {
  it('keeps browser and IndexedDB calls in lib/ modules named *-adapter.ts', () => {
    const offenders = LIB.filter((file) => !isAdapter(file) && CALLS_OUT.some((pattern) => pattern.test(code(file))));
    expect(offenders).toEqual([]);
    // The rule would catch them: each adapter really does call out.
    for (const adapter of LIB.filter(isAdapter)) expect(CALLS_OUT.some((pattern) => pattern.test(code(adapter))), adapter).toBe(true);
  });

  it('has pages and components call the browser only through lib/ adapters', () => {
    const offenders = VIEW_CODE.filter((file) => CALLS_OUT.some((pattern) => pattern.test(code(file))));
    expect(offenders).toEqual([]);
  });

  it('keeps the domain pure: outside lib/storage and lib/background, no module reaches an adapter', () => {
    const pure = LIB.filter((file) => !isAdapter(file) && !/^lib\/(storage|background)\//.test(file));
    expect(pure.length).toBeGreaterThan(20);
    const impure = pure.flatMap((file) => [...reachable(file)].filter(isAdapter).map((adapter) => `${file} → ${adapter}`));
    expect(impure).toEqual([]);
  });

  it('formats times for people only in lib/format, so every view shows one hour format', () => {
    const elsewhere = [...LIB, ...VIEW_CODE].filter(
      (file) => !file.startsWith('lib/format/') && /\bhour\s*:|timeStyle|toLocale(Time|Date)?String/.test(code(file)),
    );
    expect(elsewhere).toEqual([]);
  });

    it('has no import cycles in lib/', () => {
    const cycles = LIB.filter((file) => reachable(file).has(file) || importsOf(file).some((next) => reachable(next).has(file)));
    expect(cycles).toEqual([]);
  });

  it('keeps in components/ only what two or more pages use', () => {
    const usedBy = new Map<string, string[]>();
    for (const page of PAGES) {
      for (const file of reachable(`entrypoints/${page}/main.tsx`)) usedBy.set(file, [...(usedBy.get(file) ?? []), page]);
    }
    const single = sourceFiles('components').filter((file) => (usedBy.get(file)?.length ?? 0) < 2);
    expect(single).toEqual([]);
    // And a page's own component is not reached from another page's folder.
    const borrowed = PAGES.flatMap((page) =>
      [...reachable(`entrypoints/${page}/main.tsx`)].filter((file) => file.startsWith('entrypoints/') && !file.startsWith(`entrypoints/${page}/`)),
    );
    expect(borrowed).toEqual([]);
  });
});

describe("the README's Layout table", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Layout'));
  const listed = [...table.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]!.replace(/\/$/, ''));

  it('lists paths that exist', () => {
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((path) => path.split(', ').some((each) => !existsSync(join(ROOT, each.replace(/`/g, '')))))).toEqual([]);
  });

  it('has one line for every folder of lib/, entrypoints/, components/ and tests/', () => {
    const folders = ['lib', 'entrypoints', 'tests'].flatMap((top) =>
      readdirSync(join(ROOT, top))
        .filter((name) => statSync(join(ROOT, top, name)).isDirectory())
        .map((name) => `${top}/${name}`),
    );
    expect(folders.filter((folder) => !listed.includes(folder))).toEqual([]);
    expect(listed).toContain('components');
  });
});
