import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Makes a .docx written by the `docx` package depend only on its content, so the build's Word files are the same
 * bytes in every build (and a file from the output cache is the same as a cold build's). The package writes three
 * things that depend on the moment and the process:
 * - the time of writing in `docProps/core.xml` (`dcterms:created`, `dcterms:modified`), replaced by `date`;
 * - the time of writing on every zip entry, replaced by `date` (the zip format cannot hold a date before 1980, so
 *   an earlier one becomes 1980-01-01);
 * - bookmark ids (`w:bookmarkStart`/`w:bookmarkEnd` `w:id`, and the `_Toc<id>` names the table of contents links to)
 *   drawn from one counter shared by every document the process has made, renumbered 1, 2, … in the order they
 *   first appear, as for the first document a fresh process makes;
 * - random relationship ids of hyperlinks (`rIdu6p_lpins0…`), renamed `rIdL1`, `rIdL2`, … in the order of the
 *   relationship files.
 * The rest of the file (entry order, content) is kept.
 *
 * @param docx the file as `Packer.pack` made it.
 * @param date the file's date: the protocol's adoption date or the build's `SOURCE_DATE_EPOCH`.
 * @returns the normalised .docx.
 */
export function reproducibleDocx(docx: Uint8Array, date: Date): Uint8Array {
  const entries = unzipSync(docx);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const mtime = date.getTime() < Date.UTC(1980, 0, 1, 12) ? new Date(Date.UTC(1980, 0, 1, 12)) : date;
  // Random relationship ids: every Id of a .rels file that is not rId<number>, in the order of the files.
  const relIds = new Map<string, string>();
  for (const [name, bytes] of Object.entries(entries)) {
    if (!name.endsWith('.rels')) continue;
    for (const m of strFromU8(bytes).matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(m[1]!) && !relIds.has(m[1]!)) relIds.set(m[1]!, `rIdL${relIds.size + 1}`);
    }
  }
  const renameRels = (xml: string) =>
    relIds.size
      ? xml.replace(/"(rId[^"]+)"/g, (all, id: string) => (relIds.has(id) ? `"${relIds.get(id)}"` : all))
      : xml;
  const out: Zippable = {};
  for (const [name, bytes] of Object.entries(entries)) {
    let data = bytes;
    if (relIds.size && /\.(xml|rels)$/.test(name)) data = strToU8(renameRels(strFromU8(data)));
    if (name === 'docProps/core.xml') {
      data = strToU8(
        strFromU8(data).replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`),
      );
    } else if (name === 'word/document.xml') {
      data = strToU8(renumberBookmarks(strFromU8(data)));
    }
    out[name] = [data, { mtime, level: 6 }];
  }
  return zipSync(out);
}

/** Renumbers bookmark ids and their `_Toc` names in a `word/document.xml` in the order they first appear. */
function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  for (const m of xml.matchAll(/<w:bookmarkStart\b[^>]*?\bw:id="(\d+)"/g))
    if (!ids.has(m[1]!)) ids.set(m[1]!, ids.size + 1);
  const id = (old: string) => String(ids.get(old) ?? old);
  return xml
    .replace(
      /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g,
      (_, head: string, old: string) => `${head}${id(old)}"`,
    )
    .replace(/_Toc(\d+)/g, (_, old: string) => `_Toc${id(old)}`);
}
