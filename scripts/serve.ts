/**
 * Serves the built site (`dist/`) on http://127.0.0.1:4321 (or `$PORT`) until stopped with Ctrl-C.
 */
import path from 'node:path';
import { ROOT } from '../src/node/paths.ts';
import { startStaticServer } from '../src/node/static-server.ts';

const server = await startStaticServer(path.join(ROOT, 'dist'), Number(process.env.PORT || 4321));
console.log(`Protocolwijzer draait op ${server.url}/ (stoppen: Ctrl-C)`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
