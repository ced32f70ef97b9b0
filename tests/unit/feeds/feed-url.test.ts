import { describe, expect, it } from 'vitest';
import { checkFeedUrl } from '../../../lib/feeds/feed-url';

const reason = (text: string, base?: string) => {
  const checked = checkFeedUrl(text, base);
  return checked.ok ? 'accepted' : checked.reason;
};

describe('feed addresses', () => {
  it('accepts https and gives the host permission of that one site, any port', () => {
    expect(checkFeedUrl(' https://packs.example.org:8443/arcs/catalog.json#top ')).toEqual({
      ok: true,
      url: 'https://packs.example.org:8443/arcs/catalog.json',
      origin: 'https://packs.example.org:8443',
      hostPattern: 'https://packs.example.org/*',
    });
  });

  it('accepts plain http on this computer only (127.0.0.1 and localhost)', () => {
    expect(checkFeedUrl('http://127.0.0.1:8080/pack.json')).toMatchObject({ ok: true, hostPattern: 'http://127.0.0.1/*' });
    expect(checkFeedUrl('http://localhost/pack.json')).toMatchObject({ ok: true, hostPattern: 'http://localhost/*' });
    expect(reason('http://packs.example.org/pack.json')).toMatch(/plain http is refused/);
    expect(reason('http://127.0.0.2/pack.json')).toMatch(/plain http is refused/);
    expect(reason('http://localhost.example.org/pack.json')).toMatch(/plain http is refused/);
  });

  it('refuses user names and passwords in the address', () => {
    expect(reason('https://me:secret@packs.example.org/pack.json')).toMatch(/user name or password/);
    expect(reason('https://me@packs.example.org/pack.json')).toMatch(/user name or password/);
  });

  it('refuses other schemes, empty and malformed text, with a reason', () => {
    expect(reason('ftp://packs.example.org/pack.json')).toBe('ftp addresses are refused: only https');
    expect(reason('file:///home/me/pack.json')).toBe('file addresses are refused: only https');
    expect(reason('javascript:alert(1)')).toBe('javascript addresses are refused: only https');
    expect(reason('data:application/json,{}')).toBe('data addresses are refused: only https');
    expect(reason('   ')).toBe('no address given');
    expect(reason('packs.example.org/pack.json')).toMatch(/not a web address/);
    expect(reason(`https://example.org/${'a'.repeat(2000)}`)).toMatch(/longer than 2000/);
  });

  it('resolves a relative address against its catalogue', () => {
    expect(checkFeedUrl('week-1.json', 'https://example.org/packs/catalog.json')).toMatchObject({ url: 'https://example.org/packs/week-1.json' });
    expect(checkFeedUrl('../b.json', 'http://127.0.0.1:9/packs/catalog.json')).toMatchObject({ url: 'http://127.0.0.1:9/b.json' });
  });
});
