// The network part against a real server on 127.0.0.1: conditional requests, the byte cap while
// streaming, the timeout, redirects and answers that are not JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../lib/feeds/feed-fetch-adapter';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server';

let server: FeedServer;
beforeAll(async () => (server = await startFeedServer()));
afterAll(() => server.close());

const KIB = 1024;
const lastRequest = () => server.requests.at(-1)!;

describe('fetching a feed', () => {
  it('brings the document with its ETag and Last-Modified, sending no cookies', async () => {
    server.set('/pack.json', { body: '{"a":1}', etag: '"v1"', lastModified: 'Tue, 06 Feb 2024 12:00:00 GMT' });
    const fetched = await fetchFeed(server.url('/pack.json'), {}, { maxBytes: KIB });
    expect(fetched).toEqual({ kind: 'document', text: '{"a":1}', validators: { etag: '"v1"', lastModified: 'Tue, 06 Feb 2024 12:00:00 GMT' } });
    expect(lastRequest().headers.cookie).toBeUndefined();
    expect(lastRequest().headers['if-none-match']).toBeUndefined();
  });

  it('asks with If-None-Match and If-Modified-Since and reports a 304 as not modified', async () => {
    server.set('/same.json', { body: '{"a":1}', etag: '"v1"' });
    const fetched = await fetchFeed(server.url('/same.json'), { etag: '"v1"', lastModified: 'Tue, 06 Feb 2024 12:00:00 GMT' }, { maxBytes: KIB });
    expect(fetched).toEqual({ kind: 'not-modified' });
    expect(lastRequest().headers['if-none-match']).toBe('"v1"');
    expect(lastRequest().headers['if-modified-since']).toBe('Tue, 06 Feb 2024 12:00:00 GMT');
  });

  it('stops reading at the byte cap while streaming, and refuses a declared length over it unread', async () => {
    server.set('/big-streamed.json', { body: 'x'.repeat(2 * KIB * KIB), chunked: true });
    expect(await fetchFeed(server.url('/big-streamed.json'), {}, { maxBytes: KIB * KIB })).toEqual({ kind: 'failed', reason: 'the file is larger than 1 MiB' });
    server.set('/big.json', { body: 'x'.repeat(300 * KIB) });
    expect(await fetchFeed(server.url('/big.json'), {}, { maxBytes: 256 * KIB })).toEqual({ kind: 'failed', reason: 'the file is larger than 256 KiB' });
    server.set('/exact.json', { body: 'x'.repeat(KIB), chunked: true });
    expect(await fetchFeed(server.url('/exact.json'), {}, { maxBytes: KIB })).toMatchObject({ kind: 'document' });
  });

  it('gives up after the timeout', async () => {
    server.set('/slow.json', { body: '{}', delayMs: 2000 });
    const started = Date.now();
    const fetched = await fetchFeed(server.url('/slow.json'), {}, { maxBytes: KIB, timeoutMs: 300 });
    expect(fetched).toEqual({ kind: 'failed', reason: `${new URL(server.origin).host} did not answer within 1 s` });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('says what the server answered instead of the file', async () => {
    server.set('/broken.json', { status: 500, body: 'oops' });
    expect(await fetchFeed(server.url('/broken.json'), {}, { maxBytes: KIB })).toEqual({
      kind: 'failed',
      reason: `${new URL(server.origin).host} answered 500 (Internal Server Error) instead of the file`,
    });
    expect(await fetchFeed(server.url('/missing.json'), {}, { maxBytes: KIB })).toMatchObject({ reason: expect.stringMatching(/answered 404 \(Not Found\)/) });
  });

  it('refuses answers that are not JSON, and accepts text/plain as raw Git hosts send it', async () => {
    server.set('/page.html', { body: '<html></html>', contentType: 'text/html; charset=utf-8' });
    expect(await fetchFeed(server.url('/page.html'), {}, { maxBytes: KIB })).toEqual({
      kind: 'failed',
      reason: 'the answer is not JSON but text/html (is it the address of the file itself?)',
    });
    server.set('/raw.json', { body: '{}', contentType: 'text/plain; charset=utf-8' });
    expect(await fetchFeed(server.url('/raw.json'), {}, { maxBytes: KIB })).toMatchObject({ kind: 'document', text: '{}' });
  });

  it('refuses a redirect to an address that is not https', async () => {
    server.set('/moved.json', { status: 302, headers: { Location: 'http://localhost.example.invalid/pack.json' } });
    expect(await fetchFeed(server.url('/moved.json'), {}, { maxBytes: KIB })).toMatchObject({ kind: 'failed' });
    server.set('/moved-here.json', { status: 302, headers: { Location: '/pack.json' } });
    // A hop that stays on an accepted address is followed.
    expect(await fetchFeed(server.url('/moved-here.json'), {}, { maxBytes: KIB })).toMatchObject({ kind: 'document', text: '{"a":1}' });
  });

  it('refuses an address that breaks the rules before any request, and reports an unreachable host', async () => {
    const before = server.requests.length;
    expect(await fetchFeed('http://example.org/pack.json', {}, { maxBytes: KIB })).toMatchObject({ reason: expect.stringMatching(/^the address is refused: plain http/) });
    expect(server.requests.length).toBe(before);
    const closed = await startFeedServer();
    const url = closed.url('/pack.json');
    await closed.close();
    expect(await fetchFeed(url, {}, { maxBytes: KIB })).toMatchObject({ reason: expect.stringMatching(/^could not reach 127\.0\.0\.1:\d+/) });
  });
});
