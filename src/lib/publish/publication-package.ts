import { strToU8, zipSync, type Zippable } from 'fflate';
import type { BoardMarks } from '../board/inherit-board.ts';
import type { ProtocolDocument } from '../compose/document.ts';
import { protocolDocx } from '../docx/protocol-docx.ts';
import { runningVersion } from '../versions/published.ts';
import { familyPageHtml } from './family-page.ts';

/** What goes into a publication package. */
export interface PublicationInput {
  /** The composed protocol. */
  doc: ProtocolDocument;
  /** The work file (the protocol file, YAML) as the wizard exports it. */
  workFile: string;
  /** The status line (adoption, consent, or draft). */
  status: string;
  /** File names without extension: `basisschool-de-linde`. */
  base: string;
  /** Where the wizard is (`https://…/samenstellen/`), named in LEESMIJ.txt. */
  wizardUrl: string;
  /** The embedded font for the family page ({@link familyPageHtml}); system fonts without it. */
  fontDataUrl?: string;
  /**
   * Which of the document's contacts and documents come from the school's board (the wizard's evaluation,
   * `withBoard`): marked "(via het bestuur)" on the family page and in the Word file; default none.
   */
  inherited?: BoardMarks;
}

/**
 * The short Dutch LEESMIJ.txt of a package: what is in it, how to put the page on the school's website, and how to
 * reopen the work later in the wizard. Windows line ends, so every editor shows the lines.
 */
export function readmeText(input: Pick<PublicationInput, 'doc' | 'base' | 'wizardUrl'>): string {
  const { doc, base, wizardUrl } = input;
  const lines = [
    `Protocol sociale media van ${doc.organisation}, ${runningVersion(doc)}`,
    '',
    'In dit pakket',
    `- index.html: het protocol als webpagina voor ouders, leerlingen en medewerkers. Het is één bestand dat niets anders nodig heeft.`,
    `- ${base}.docx: het protocol als Word-bestand, om te printen, als PDF op te slaan of verder te bewerken.`,
    `- ${base}.yaml: uw werkbestand. Bewaar het goed: daarmee werkt u later verder.`,
    '',
    'Het protocol op de website van de school zetten',
    '1. Geef index.html aan wie de website van de school bijhoudt, of zet het er zelf op, bijvoorbeeld op het adres',
    '   www.uwschool.nl/protocol-sociale-media/. Het bestand werkt zonder andere bestanden.',
    '2. Kan de website alleen PDF-bestanden aan? Open dan het Word-bestand, kies "Opslaan als" en dan PDF,',
    '   en zet die PDF op de website.',
    '3. Zet een link naar de pagina in de schoolgids en in de nieuwsbrief.',
    '',
    'Later verder werken',
    `1. Open de Protocolwijzer: ${wizardUrl}`,
    `2. Kies "Werkbestand openen" en kies ${base}.yaml.`,
    '3. Pas aan wat er verandert en maak daarna een nieuw pakket.',
    'Is deze versie vastgesteld? Verander haar dan niet meer: geef de nieuwe versie een eigen nummer,',
    'zodat iedereen kan zien wat er veranderd is.',
    '',
  ];
  return lines.join('\r\n');
}

/**
 * A publication package as the bytes of a .zip, made in the browser (or in Node) with fflate: `index.html` (the
 * self-contained family page), `<base>.docx` (both mark what the school inherits from its board "(via het
 * bestuur)"), `<base>.yaml` (the work file) and `LEESMIJ.txt`. Nothing is sent anywhere; the school puts the files
 * on its own website.
 */
export async function publicationPackage(input: PublicationInput): Promise<Uint8Array> {
  const files: Zippable = {
    'index.html': strToU8(
      familyPageHtml(input.doc, { status: input.status, fontDataUrl: input.fontDataUrl, inherited: input.inherited }),
    ),
    // A .docx is a zip already: stored, not compressed again.
    [`${input.base}.docx`]: [
      await protocolDocx(input.doc, { status: input.status, inherited: input.inherited }),
      { level: 0 },
    ],
    [`${input.base}.yaml`]: strToU8(input.workFile),
    'LEESMIJ.txt': strToU8(readmeText(input)),
  };
  return zipSync(files, { level: 6, mtime: input.doc.adoption?.date ?? '2000-01-01' });
}

/** Reads a font file's bytes as a `data:font/woff2;base64,…` address (browser and Node alike). */
export function woff2DataUrl(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:font/woff2;base64,${btoa(binary)}`;
}
