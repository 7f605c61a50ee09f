/** Runs one step of a build for the bench (parts (a) and (k)): a child process, timed, with its peak memory. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/node/paths.ts';
import { round, seconds } from './stats.ts';

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One step's run: seconds, peak memory (MiB, null without /usr/bin/time) and output. */
export interface StepRun {
  seconds: number;
  peakMiB: number | null;
  output: string;
}

/**
 * Runs a command in `cwd` (default the project root) under `/usr/bin/time` where the machine has it, for the peak
 * memory; rejects with the end of its output when it fails.
 */
export function runStep(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = ROOT,
): Promise<StepRun> {
  const started = performance.now();
  const timeFile = path.join(
    env.PROTOCOLWIJZER_BENCH_TMP ?? '/tmp',
    `time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`,
  );
  const [cmd, argv] = TIME ? [TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {
      cwd,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let peakMiB: number | null = null;
      if (TIME && fs.existsSync(timeFile)) {
        const kib = /(\d+)\s*$/.exec(fs.readFileSync(timeFile, 'utf8'))?.[1];
        peakMiB = kib ? round(Number(kib) / 1024, 1) : null;
        fs.rmSync(timeFile, { force: true });
      }
      if (code !== 0) reject(new Error(`${label} failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`));
      else resolve({ seconds: seconds(ms), peakMiB, output });
    });
  });
}

/** Counts the files under `dir` whose names end in `suffix`. */
export function countFiles(dir: string, suffix: string): number {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).length;
}
