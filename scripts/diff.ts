/**
 * `npm run diff -- <a> <b>`: prints the numbered changes from `a` to `b` in a terminal (see runDiffCli in
 * src/node/diff-cli.ts): two protocol files give W1, W2, …; a reference model's id and a protocol file give V1, V2, ….
 * Colour on a terminal (unless `NO_COLOR` is set), plain text with `[-…-]` and `{+…+}` otherwise.
 * Exit status as diff(1): 0 no changes, 1 changes, 2 trouble (bad path, invalid file, any other failure), with a
 * Dutch message.
 */
import { runDiffCli } from '../src/node/diff-cli.ts';

const result = runDiffCli(process.argv.slice(2), { color: process.stdout.isTTY === true && !process.env.NO_COLOR });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.status;
