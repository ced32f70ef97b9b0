// A real HTTP server on 127.0.0.1 for feed tests: each path answers what the test set last, with an
// ETag, honouring If-None-Match, and records every request it got.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  body?: string | Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Milliseconds before the answer starts. */
  delayMs?: number;
  /** Extra headers, e.g. Location for a redirect. */
  headers?: Record<string, string>;
  /** Sent in chunks without Content-Length, so only a streaming cap can stop it. */
  chunked?: boolean;
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  set(path: string, route: Route): void;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  const answer = (response: ServerResponse, route: Route, notModified: boolean) => {
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache', ...route.headers };
    if (route.etag) headers.ETag = route.etag;
    if (route.lastModified) headers['Last-Modified'] = route.lastModified;
    if (notModified) {
      response.writeHead(304, headers).end();
      return;
    }
    headers['Content-Type'] = route.contentType ?? 'application/json';
    const body = route.body ?? '';
    if (route.chunked) {
      response.writeHead(route.status ?? 200, headers);
      const bytes = Buffer.from(body);
      let offset = 0;
      const next = () => {
        if (response.destroyed) return;
        if (offset >= bytes.length) return void response.end();
        response.write(bytes.subarray(offset, offset + 64 * 1024), next);
        offset += 64 * 1024;
      };
      next();
    } else {
      response.writeHead(route.status ?? 200, headers).end(body);
    }
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: request.headers });
    const route = routes.get(path);
    if (!route) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    const notModified = route.etag !== undefined && request.headers['if-none-match'] === route.etag && (route.status ?? 200) === 200;
    const timer = setTimeout(() => answer(response, route, notModified), route.delayMs ?? 0);
    response.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    set: (path, route) => void routes.set(path, route),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
