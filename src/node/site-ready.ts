/**
 * The hand-over between `scripts/build.ts` and the steps that read the pages Astro wrote (`scripts/build-pdfs.ts`,
 * `scripts/build-docx.ts`). The build starts those steps while Astro still runs, so that their start-up (loading
 * their modules and the site data, hashing their tools, starting the browser) takes the core Astro leaves free
 * instead of the time after it; each step does that part first, then waits here until the pages are there.
 */

/** The environment variable by which `scripts/build.ts` tells a step it was started early (value `1`). */
export const STARTED_EARLY_ENV = 'PROTOCOLWIJZER_STARTED_EARLY';

/** The line `scripts/build.ts` writes on a step's standard input once the pages are built. */
export const SITE_READY_LINE = 'site klaar';

/**
 * Resolves when the site the step reads is there: at once for a step run on its own (`npm run pdf`, the tests), and
 * for a step started early ({@link STARTED_EARLY_ENV}) when the line {@link SITE_READY_LINE} arrives on standard
 * input. If standard input ends without it (the build stopped or failed before the pages were there, or was killed),
 * the step exits with status 1 at once and writes nothing.
 */
export function siteReady(): Promise<void> {
  if (process.env[STARTED_EARLY_ENV] !== '1') return Promise.resolve();
  return new Promise((resolve) => {
    let input = '';
    const onData = (chunk: Buffer) => {
      input += chunk.toString('utf8');
      if (input.split('\n').includes(SITE_READY_LINE)) {
        process.stdin.off('data', onData);
        process.stdin.off('end', onEnd);
        process.stdin.destroy();
        resolve();
      }
    };
    const onEnd = () => process.exit(1);
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
  });
}
