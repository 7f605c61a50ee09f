import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** The earliest time a zip entry can carry (DOS dates start in 1980), with a day's margin for any time zone. */
const ZIP_EARLIEST = Date.UTC(1980, 0, 2);

/**
 * A packed .docx made reproducible: every date the `docx` package takes from the clock replaced by `date` (the core
 * properties' `dcterms:created` and `dcterms:modified` in docProps/core.xml, and each zip entry's modification
 * time), the random relationship ids of hyperlinks (`rId` + nanoid) renumbered `rIdH1`, `rIdH2`, … and the
 * process-wide bookmark counter (`_Toc56`, `w:id="56"`) renumbered from 1, both in order of first appearance. The
 * same document and date then always give the same bytes (reproducible builds; the build's .docx files sit beside
 * PDFs that are reproducible too). The entries keep their order and contents otherwise.
 *
 * @param bytes a .docx as `Packer.pack(…, 'uint8array')` gives it.
 * @param date the date to write; whole seconds are kept (W3CDTF without milliseconds, as Word writes it).
 * @throws Error from fflate when `bytes` is not a zip file.
 */
export function pinDocxDate(bytes: Uint8Array, date: Date): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // A zip entry's time is a DOS date (1980–2107): an earlier date (the Unix epoch a build without SOURCE_DATE_EPOCH
  // falls back to) is written as the first day a zip can hold. The core properties keep the date itself.
  const mtime = new Date(Math.max(date.getTime(), ZIP_EARLIEST));
  const files = unzipSync(bytes);
  const rels = renumber('rIdH');
  const toc = renumber('_Toc');
  const bookmark = renumber('');
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) {
      out[name] = [data, { mtime }];
      continue;
    }
    const xml = strFromU8(data)
      .replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
      )
      // docx's own relationships are rId1, rId2, …; a hyperlink's has letters in it.
      .replace(/\brId(?=[\w-]*[A-Za-z_-])[\w-]+/g, (id) => rels(id))
      .replace(/\b_Toc\d+\b/g, (id) => toc(id))
      .replace(
        /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
        (_m, a: string, id: string, b: string) => `${a}${bookmark(id)}${b}`,
      );
    out[name] = [strToU8(xml), { mtime }];
  }
  return zipSync(out);
}

/** A function that gives each distinct id `prefix` + 1, 2, … in the order it first sees them. */
function renumber(prefix: string): (id: string) => string {
  const seen = new Map<string, string>();
  return (id) => {
    let next = seen.get(id);
    if (next === undefined) seen.set(id, (next = `${prefix}${seen.size + 1}`));
    return next;
  };
}
