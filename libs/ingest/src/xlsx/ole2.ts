/**
 * OLE2 / Compound File Binary files (magic D0 CF 11 E0 A1 B1 1A E1) are not text and not ZIP:
 * they are how Excel writes a password-protected .xlsx (the encrypted package sits in streams
 * `EncryptionInfo` and `EncryptedPackage`; 快手 order exports arrive like this) and how Excel 97-2003
 * wrote .xls (a `Workbook` or `Book` stream). The stream names in the first directory sector tell
 * them apart; nothing is decrypted or parsed further.
 */
import { IngestError } from '../messages';

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(head: Buffer): boolean {
  return head.length >= 4 && OLE2_MAGIC.slice(0, 4).every((b, i) => head[i] === b);
}

/** Names of the directory entries in the first directory sector, when it lies within `head`. */
export function ole2DirectoryNames(head: Buffer): string[] | null {
  if (head.length < 512) return null;
  const sectorShift = head.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const firstDirSector = head.readUInt32LE(0x30);
  if (firstDirSector >= 0xfffffffa) return null;
  const start = (firstDirSector + 1) * sectorSize;
  if (start + sectorSize > head.length) return null;
  const names: string[] = [];
  for (let at = start; at < start + sectorSize; at += 128) {
    const nameBytes = head.readUInt16LE(at + 0x40);
    const type = head[at + 0x42];
    if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
    names.push(head.toString('utf16le', at, at + nameBytes - 2));
  }
  return names;
}

/** The error an OLE2 file fails with: encrypted xlsx (the default), legacy .xls, or not a spreadsheet. */
export function ole2Error(head: Buffer): IngestError {
  const names = ole2DirectoryNames(head);
  if (names === null) return new IngestError('XLSX_ENCRYPTED');
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return new IngestError('XLSX_ENCRYPTED');
  if (names.includes('Workbook') || names.includes('Book')) return new IngestError('XLS_NOT_SUPPORTED');
  return new IngestError('BINARY_FILE');
}
