import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for headless Chromium on a closed network (shared/TOOLCHAIN.md): no background traffic to Google hosts. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Finds a Chromium-family browser: `$CHROMIUM_PATH`, then Debian's and other common install paths,
 * then a Playwright-managed Chromium. Never downloads one.
 * @throws Error saying how to install one when none is found.
 */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].filter((p): p is string => Boolean(p));
  for (const p of candidates) if (fs.existsSync(p)) return p;
  try {
    const p = chromium.executablePath();
    if (p && fs.existsSync(p)) return p;
  } catch {
    // no Playwright-managed browser
  }
  throw new Error(
    'Geen Chromium gevonden. Installeer het (Debian: `apt-get install chromium`) of wijs het aan met CHROMIUM_PATH=/pad/naar/chromium.',
  );
}

/** Starts headless Chromium with {@link CHROMIUM_ARGS}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
