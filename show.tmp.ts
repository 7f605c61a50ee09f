import fs from 'node:fs';
import { composeProtocol } from './src/lib/compose/compose-protocol.ts';
import { parseProtocol } from './src/lib/compose/parse-protocol.ts';
import { loadChoicePoints, loadClauses } from './src/node/load-content.ts';
const library = { clauses: loadClauses(), choicePoints: loadChoicePoints() };
const f = process.argv[2]!;
const p = parseProtocol(fs.readFileSync(f, 'utf8'), f, library, ['scope-2012','mill-hill-2023','roc-top-2018','lankforst-2024','hoeksche-2020']);
const d = composeProtocol('x', p, library);
for (const s of d.sections) for (const i of s.items) if ('article' in i) console.log(`## ${i.article.number} ${i.article.title}\n${i.article.text}\n`);
