import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** A running static file server; `url` ends without a slash, e.g. `http://127.0.0.1:4321`. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder over HTTP on 127.0.0.1 (directory URLs serve their `index.html`; `404.html` or a plain
 * 404 otherwise). Listens on loopback only.
 *
 * @param root folder to serve, e.g. `dist`.
 * @param port TCP port; 0 (default) picks a free one.
 */
export function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    let file = path.join(base, pathname);
    if (!file.startsWith(base)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) {
      const notFound = path.join(base, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Niet gevonden');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
