import iconv from 'iconv-lite';
import { IngestError } from './messages';
import { isOle2, ole2Error } from './xlsx/ole2';

export type TextEncodingName = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

export interface EncodingDetection {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  overridden: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OTHER_BINARY_MAGICS = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x1f, 0x8b], // gzip
];

const startsWith = (buf: Buffer, magic: number[]) => magic.every((b, i) => buf[i] === b);

const ENCODING_ALIASES: Record<string, TextEncodingName> = {
  utf8: 'UTF-8',
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  gbk: 'GB18030',
  gb2312: 'GB18030',
  gb18030: 'GB18030',
  cp936: 'GB18030',
  utf16le: 'UTF-16LE',
  'utf-16le': 'UTF-16LE',
  'utf-16': 'UTF-16LE',
  utf16be: 'UTF-16BE',
  'utf-16be': 'UTF-16BE',
};

/** Maps a user-given encoding name (`gbk`, `utf8`, …) to a supported one, or throws. */
export function resolveEncodingName(name: string): TextEncodingName {
  const resolved = ENCODING_ALIASES[name.trim().toLowerCase()];
  if (!resolved) throw new IngestError('UNSUPPORTED_ENCODING', { encoding: name });
  return resolved;
}

/**
 * Detects the text encoding from the first bytes of a file: a BOM decides; otherwise valid UTF-8
 * wins, then UTF-16 by its zero bytes, then GB18030 (what Chinese Excel and 千川 write).
 */
export function detectEncoding(head: Buffer, override?: string): EncodingDetection {
  if (head.length === 0) throw new IngestError('EMPTY_FILE');
  // ZIP (xlsx) files are routed to the xlsx reader before this point.
  if (startsWith(head, ZIP_MAGIC)) throw new IngestError('XLSX_NOT_SUPPORTED');
  // OLE2: a password-protected xlsx or a legacy .xls.
  if (isOle2(head)) throw ole2Error(head);
  if (OTHER_BINARY_MAGICS.some((m) => startsWith(head, m))) throw new IngestError('BINARY_FILE');
  const bom = bomOf(head);
  if (override) {
    const encoding = resolveEncodingName(override);
    const bomLength = bom && (bom.encoding === encoding || (bom.encoding === 'UTF-8 (BOM)' && encoding === 'UTF-8')) ? bom.bomLength : 0;
    return { encoding, bomLength, overridden: true };
  }
  if (bom) return { ...bom, overridden: false };
  const zeros = countZeros(head);
  if (zeros.total > 0) {
    const half = head.length / 2;
    if (zeros.odd > half * 0.3 && zeros.even < half * 0.05) return { encoding: 'UTF-16LE', bomLength: 0, overridden: false };
    if (zeros.even > half * 0.3 && zeros.odd < half * 0.05) return { encoding: 'UTF-16BE', bomLength: 0, overridden: false };
    throw new IngestError('BINARY_FILE');
  }
  if (isValidUtf8Prefix(head)) return { encoding: 'UTF-8', bomLength: 0, overridden: false };
  return { encoding: 'GB18030', bomLength: 0, overridden: false };
}

function bomOf(head: Buffer): Omit<EncodingDetection, 'overridden'> | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'UTF-8 (BOM)', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'UTF-16LE', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'UTF-16BE', bomLength: 2 };
  return null;
}

function countZeros(buf: Buffer): { total: number; odd: number; even: number } {
  let odd = 0;
  let even = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 0) i & 1 ? odd++ : even++;
  return { total: odd + even, odd, even };
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
function isValidUtf8Prefix(buf: Buffer): boolean {
  let end = buf.length;
  // Back off an incomplete trailing sequence (at most 3 continuation bytes).
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = buf[end - k];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (need > k) end -= k;
    }
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** A streaming decoder that fails loudly on bytes that are not valid in the chosen encoding. */
export interface StreamDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * The decoder reports the physical line of the first invalid byte itself, counting the line breaks
 * it has decoded: the parser's position lags behind (the whole head is decoded before any row is
 * parsed), so `_lineHint` is not used.
 */
export function createDecoder(encoding: TextEncodingName, _lineHint?: () => number): StreamDecoder {
  let newlines = 0;
  const emit = (s: string) => {
    newlines += countNewlines(s, s.length);
    return s;
  };
  /** `text` is the chunk decoded with U+FFFD for bad bytes: the line of the first one. */
  const fail = (text: string): never => {
    const bad = text.indexOf('\uFFFD');
    throw new IngestError('INVALID_ENCODING', { encoding, line: 1 + newlines + countNewlines(text, bad === -1 ? text.length : bad) });
  };
  if (encoding === 'GB18030') {
    const decoder = iconv.getDecoder('gb18030');
    const check = (s: string) => (s.includes('\uFFFD') ? fail(s) : emit(s));
    return { write: (chunk) => check(decoder.write(chunk)), end: () => check(decoder.end() ?? '') };
  }
  const label = encoding === 'UTF-16LE' ? 'utf-16le' : encoding === 'UTF-16BE' ? 'utf-16be' : 'utf-8';
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  // Bytes of an incomplete character held back from the previous chunk (to place a later error).
  let carry: Buffer = Buffer.alloc(0);
  const consumed = (s: string) => (label === 'utf-8' ? Buffer.byteLength(s, 'utf8') : s.length * 2);
  const lenient = (bytes: Buffer) => new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(bytes);
  return {
    write: (chunk) => {
      let s: string;
      try {
        s = decoder.decode(chunk, { stream: true });
      } catch {
        return fail(lenient(Buffer.concat([carry, chunk])));
      }
      // What was not consumed is the tail of an incomplete character: at most 3 bytes.
      const held = carry.length + chunk.length - consumed(s);
      carry = held <= chunk.length ? chunk.subarray(chunk.length - held) : Buffer.concat([carry, chunk]).subarray(-held);
      return emit(s);
    },
    end: () => {
      try {
        return emit(decoder.decode());
      } catch {
        return fail(lenient(carry));
      }
    },
  };
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
