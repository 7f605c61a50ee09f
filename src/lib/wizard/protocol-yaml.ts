import { stringify } from 'yaml';
import type { ProtocolInput } from '../schema/protocol.ts';

/**
 * Writes a composition as `content/protocols/<school>.yaml`: the same shape and YAML style as
 * `scripts/rebuild-models.ts` writes, with a comment saying where it came from. Strings are quoted where YAML
 * needs it, so typed text stays text.
 */
export function protocolYaml(input: ProtocolInput): string {
  return `# Samengesteld met Protocolwijzer (/samenstellen/). Zet dit bestand in content/protocols/ en bouw de site.\n${stringify(input, { lineWidth: 0 })}`;
}
