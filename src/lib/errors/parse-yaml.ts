// Moved to src/lib/yaml/parse-yaml.ts (a YAML loader is not an error module). This re-export keeps imports on
// other branches working until they are merged; new code imports from '../yaml/parse-yaml.ts'.
export * from '../yaml/parse-yaml.ts';
