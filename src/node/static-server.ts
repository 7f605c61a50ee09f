import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import sirv from 'sirv';

/** A running static file server; `url` ends without a slash, e.g. `http://127.0.0.1:4321`. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Headers on every answer: no content sniffing, no referrer to other sites (the review, failure 14). */
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Serves a built site over HTTP on 127.0.0.1 with `sirv` (its file list is read once at start, so only files
 * inside `root` can ever be served; a sibling such as `dist-old/` never). `/a/` and `/a` serve `a/index.html`
 * without a redirect, so the server never sends a `Location` header at all; an unknown path gets `404.html`
 * with status 404. Only GET and HEAD are answered (405 otherwise, with `Allow`). A request can never stop the
 * server: every failure becomes a 400 or 500 answer or a closed connection. A client that goes away mid-download
 * has its file handle closed at once.
 *
 * @param root folder to serve, e.g. `dist`; read when the server starts (files added later are not served).
 * @param port TCP port; 0 (default) picks a free one.
 * @throws the listen error (e.g. `EADDRINUSE`) through the returned promise.
 */
export function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = path.resolve(root);
  const notFoundFile = path.join(base, '404.html');
  const notFound = fs.existsSync(notFoundFile) ? fs.readFileSync(notFoundFile) : Buffer.from('Niet gevonden');
  const serve = sirv(base, {
    dev: false,
    etag: true,
    dotfiles: false,
    extensions: ['html'],
    // Types sirv's table lacks: the icon, and Pagefind's index files (binary).
    setHeaders: (res, pathname) => {
      if (pathname.endsWith('.ico')) res.setHeader('Content-Type', 'image/x-icon');
      else if (/\.pf_[a-z]+$/.test(pathname)) res.setHeader('Content-Type', 'application/octet-stream');
    },
  });

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Alleen GET en HEAD.');
      return;
    }
    // sirv pipes a read stream into the response; close it when the client goes away before the end,
    // or its file handle stays open (review, failure 4).
    res.on('pipe', (source: Readable) => {
      source.on('error', () => res.destroy());
      res.once('close', () => source.destroy());
    });
    serve(req, res, () => {
      res
        .writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(req.method === 'HEAD' ? undefined : notFound);
    });
  };

  const server = http.createServer((req, res) => {
    res.on('error', () => res.destroy());
    try {
      handle(req, res);
    } catch {
      // A malformed range or an impossible path: answer if we still can, otherwise drop the connection.
      if (res.headersSent) res.destroy();
      else res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Ongeldig verzoek.');
    }
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
