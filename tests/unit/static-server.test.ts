/**
 * The static server that `npm start`, `npm run serve`, the PDF build and the browser tests use: the review's exact
 * requests (attack-2026-11.md, failures 2, 4 and 7), security headers, and a bounded load test on loopback.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/node/static-server.ts';

let tmp: string;
let server: StaticServer;
const BIG = 2 * 1024 * 1024;

/** Sends one raw request line as is (like `curl --path-as-is`) and returns the raw response head. */
function raw(target: string, method = 'GET'): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data.split('\r\n\r\n')[0]!));
    socket.on('error', reject);
  });
}

function status(head: string): number {
  return Number(head.split(' ')[1]);
}

function get(p: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${p}`, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openFds(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-server-'));
  const dist = path.join(tmp, 'dist');
  fs.mkdirSync(path.join(dist, 'bibliotheek'), { recursive: true });
  fs.mkdirSync(path.join(dist, 'zoeken'), { recursive: true });
  fs.mkdirSync(path.join(dist, 'vendor'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Home</title>');
  fs.writeFileSync(path.join(dist, '404.html'), '<!doctype html><title>Niet gevonden</title>');
  fs.writeFileSync(path.join(dist, 'bibliotheek/index.html'), '<!doctype html><title>Bibliotheek</title>');
  fs.writeFileSync(path.join(dist, 'zoeken/index.html'), '<!doctype html><title>Zoeken</title>');
  fs.writeFileSync(path.join(dist, 'vendor/big.js'), 'x'.repeat(BIG));
  fs.mkdirSync(path.join(tmp, 'dist-secret'));
  fs.writeFileSync(path.join(tmp, 'dist-secret/secret.txt'), 'SECRET');
  server = await startStaticServer(dist);
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  test('serves a page and its directory index, with nosniff and a referrer policy', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers['referrer-policy']).toBe('no-referrer');
    expect((await get('/bibliotheek/')).body).toContain('Bibliotheek');
    const missing = await get('/bestaat-niet/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Niet gevonden');
  });

  test('survives a header injection attempt in the path (review failure 2)', async () => {
    for (const target of ['/bibliotheek%2F%0D%0AX-Injected:%20yes%2F..', '/zoeken%2F%E2%80%AE%2F..']) {
      const head = await raw(target);
      expect(head).not.toMatch(/^X-Injected/im);
      expect(status(head)).toBeGreaterThanOrEqual(200);
    }
    expect((await get('/')).status).toBe(200);
  });

  test('never serves a sibling folder such as dist-secret/ (review failure 7)', async () => {
    for (const target of [
      '/..%2fdist-secret%2fsecret.txt',
      '/../dist-secret/secret.txt',
      '/%2e%2e/dist-secret/secret.txt',
    ]) {
      const res = await new Promise<string>((resolve) => {
        const { port } = new URL(server.url);
        const s = net.connect(Number(port), '127.0.0.1', () =>
          s.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        let d = '';
        s.on('data', (c) => (d += c));
        s.on('end', () => resolve(d));
      });
      expect(res).not.toContain('SECRET');
      expect(status(res)).not.toBe(200);
    }
  });

  test('never redirects to another host (review failure 7)', async () => {
    for (const target of [
      '/%2Fevil.example%2F..%2Fbibliotheek',
      '//evil.example/',
      '/bibliotheek',
      '/\\evil.example/',
    ]) {
      const head = await raw(target);
      const location = /^Location: (.*)$/im.exec(head)?.[1];
      if (location !== undefined) {
        expect(location.startsWith('/')).toBe(true);
        expect(location.startsWith('//')).toBe(false);
        expect(location).not.toContain('\\');
      }
    }
  });

  test('answers 405 to every method but GET and HEAD (review failure 7)', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PATCH', 'OPTIONS']) {
      const res = await get('/', method);
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    expect((await get('/', 'HEAD')).status).toBe(200);
  });

  test('survives a malformed range and malformed escapes', async () => {
    const res = await new Promise<number>((resolve) => {
      http
        .get(`${server.url}/vendor/big.js`, { headers: { range: 'bytes=900-100' } }, (r) => {
          r.resume();
          r.on('end', () => resolve(r.statusCode!));
          r.on('error', () => resolve(-1));
        })
        .on('error', () => resolve(-1));
    });
    expect(res).not.toBe(500);
    expect(status(await raw('/%E0%A4%A'))).toBeLessThan(500);
    expect((await get('/')).status).toBe(200);
  });

  test('releases file handles of aborted downloads (review failure 4)', async () => {
    const before = openFds();
    for (let i = 0; i < 300; i++) {
      await new Promise<void>((resolve) => {
        const req = http.get(`${server.url}/vendor/big.js`, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => resolve());
      });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(openFds() - before).toBeLessThan(20);
  });

  test('load: 2,000 requests, 50 at a time, a fifth aborted mid-download: 0 errors, no growth in open files', async () => {
    const before = openFds();
    let errors = 0;
    let completed = 0;
    let aborted = 0;
    const agent = new http.Agent({ keepAlive: false, maxSockets: 50 });
    const one = (i: number) =>
      new Promise<void>((resolve) => {
        const abort = i % 5 === 0;
        const target = i % 2 === 0 ? '/vendor/big.js' : i % 3 === 0 ? '/bibliotheek/' : '/';
        const req = http.get(`${server.url}${abort ? '/vendor/big.js' : target}`, { agent }, (res) => {
          if (res.statusCode !== 200) errors++;
          if (abort) {
            res.once('data', () => {
              aborted++;
              req.destroy();
              resolve();
            });
            return;
          }
          res.resume();
          res.on('end', () => {
            completed++;
            resolve();
          });
          res.on('error', () => {
            errors++;
            resolve();
          });
        });
        req.on('error', () => {
          if (!abort) errors++;
          resolve();
        });
      });
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < 2000) await one(next++);
      }),
    );
    agent.destroy();
    await new Promise((r) => setTimeout(r, 500));
    expect(errors).toBe(0);
    expect(completed + aborted).toBe(2000);
    expect(aborted).toBe(400);
    expect(openFds() - before).toBeLessThan(20);
    expect((await get('/')).status).toBe(200);
  });
});
