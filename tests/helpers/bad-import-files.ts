/**
 * The bad files of issue 12 ("Bad input"), made on the fly so none is committed: a scanned PDF without a text layer,
 * a password-protected PDF, an empty file, an old Word .doc, a 50 MB file, a zip renamed to .docx and a protocol in
 * English. Each with the rule id the importer must answer with.
 */
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, rgb } from 'pdf-lib';

/** One bad file: its name, its bytes and the rule id of the Dutch message it must get. */
export interface BadFile {
  name: string;
  rule: string;
  bytes: () => Promise<Uint8Array>;
}

/** A PDF page with only a drawn picture, as a scanner makes it: no text layer. */
async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  for (let y = 60; y < 780; y += 14)
    page.drawRectangle({ x: 60, y, width: 400 + ((y * 7) % 70), height: 6, color: rgb(0.2, 0.2, 0.2) });
  return doc.save();
}

/**
 * A PDF with the standard security handler (RC4, revision 2) whose user password is not empty: any reader asks for
 * the password. The O and U entries are not made from a real password, which is enough: the empty password fails.
 */
async function passwordPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const font = await doc.embedFont('Helvetica');
  page.drawText('Protocol sociale media: geheim', { x: 50, y: 700, size: 14, font });
  const ctx = doc.context;
  const encrypt = ctx.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    Length: PDFNumber.of(40),
    P: PDFNumber.of(-44),
    O: PDFHexString.of('9a'.repeat(32)),
    U: PDFHexString.of('5b'.repeat(32)),
  });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([
    PDFHexString.of('0123456789abcdef0123456789abcdef'),
    PDFHexString.of('0123456789abcdef0123456789abcdef'),
  ]);
  return doc.save({ useObjectStreams: false });
}

const ENGLISH = `Social media policy. This policy applies to all students, staff and parents of the school. We treat each other
with respect online and offline. Students are responsible for what they post and share, and they should think before they
post. Photos and videos of other people may only be shared with their permission. Staff members do not become friends with
students on their private accounts. If you see something that is not right, you should report it to your mentor or to the
school's safety officer. The school may take measures when the rules are broken, such as a warning or a suspension.`;

/** Every bad file of the issue. */
export const BAD_FILES: BadFile[] = [
  { name: 'scan-zonder-tekst.pdf', rule: 'import-pdf-no-text', bytes: scannedPdf },
  { name: 'met-wachtwoord.pdf', rule: 'import-pdf-password', bytes: passwordPdf },
  { name: 'leeg.txt', rule: 'import-empty', bytes: async () => new Uint8Array(0) },
  {
    name: 'oud-protocol.doc',
    rule: 'import-old-doc',
    bytes: async () => {
      const b = new Uint8Array(2048);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      return b;
    },
  },
  { name: 'groot.pdf', rule: 'import-too-large', bytes: async () => new Uint8Array(50 * 1024 * 1024).fill(0x25) },
  {
    name: 'eigenlijk-een-zip.docx',
    rule: 'import-not-docx',
    bytes: async () => zipSync({ 'notities.txt': strToU8('Dit is geen Word-document.') }),
  },
  { name: 'english-policy.txt', rule: 'import-not-dutch', bytes: async () => strToU8(ENGLISH) },
];
