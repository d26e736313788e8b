import { isUtf8 } from 'node:buffer';
import { createDecoder, type StreamDecoder, type TextEncodingName } from '../encoding';
import { IngestError } from '../messages';

/**
 * The file's text as UTF-8 bytes, chunk by chunk: UTF-8 files are checked and passed through, other
 * encodings transcoded (never splitting a character). Bad bytes fail as `createDecoder` fails
 * (INVALID_ENCODING at the line of the first bad byte).
 */
export interface Utf8Source {
  /** The head: its text (for the layout sniffing) and the same text as UTF-8 bytes. */
  head(head: Buffer): { text: string; bytes: Buffer };
  write(chunk: Buffer): Buffer;
  end(): Buffer;
  /** The text decoder that read the head (the former reader decodes the rest with it). */
  decoder: StreamDecoder;
}

/** `linesBefore`: line feeds before the first byte given (a later part of a file: errors name the file's line). */
export function utf8Source(encoding: TextEncodingName, linesBefore = 0): Utf8Source {
  const decoder = createDecoder(encoding);
  if (encoding !== 'UTF-8' && encoding !== 'UTF-8 (BOM)') {
    return {
      head: (head) => {
        const text = decoder.write(head).replace(/^\uFEFF/, '');
        return { text, bytes: Buffer.from(text, 'utf8') };
      },
      write: (chunk) => Buffer.from(decoder.write(chunk), 'utf8'),
      end: () => Buffer.from(decoder.end(), 'utf8'),
      decoder,
    };
  }
  const checker = new Utf8Checker(linesBefore);
  return {
    head: (head) => {
      // The decoder throws first on bad bytes in the head, exactly as before.
      const text = decoder.write(head).replace(/^\uFEFF/, '');
      const bytes = checker.write(head);
      return { text, bytes: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes };
    },
    write: (chunk) => checker.write(chunk),
    end: () => checker.end(),
    decoder,
  };
}

/** UTF-8 validation in chunks with the fatal TextDecoder's outcome (createDecoder), without making strings. */
class Utf8Checker {
  private carry: Buffer = Buffer.alloc(0);

  constructor(private newlines: number) {}

  /** The chunk's complete characters; valid until the next write (a character cut by the chunk's end goes with the next). */
  write(chunk: Buffer): Buffer {
    const data = this.carry.length ? this.joined(chunk) : chunk;
    const keep = unfinishedTail(data);
    const body = keep ? data.subarray(0, data.length - keep) : data;
    if (!isUtf8(body)) this.fail(Buffer.concat([this.carry, chunk]));
    this.newlines += countNewlines(body);
    this.carry = keep ? Buffer.from(data.subarray(data.length - keep)) : Buffer.alloc(0);
    return body;
  }

  /** The carried bytes then `chunk`, in a working buffer reused from chunk to chunk (no fresh memory per chunk). */
  private work: Buffer = Buffer.alloc(0);

  private joined(chunk: Buffer): Buffer {
    const length = this.carry.length + chunk.length;
    if (this.work.length < length) this.work = Buffer.allocUnsafe(Math.max(length, 2 * this.work.length));
    this.carry.copy(this.work, 0);
    chunk.copy(this.work, this.carry.length);
    return this.work.subarray(0, length);
  }

  end(): Buffer {
    if (this.carry.length) this.fail(this.carry);
    return Buffer.alloc(0);
  }

  private fail(bytes: Buffer): never {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const before = bad === -1 ? text : text.slice(0, bad);
    throw new IngestError('INVALID_ENCODING', { encoding: 'UTF-8', line: 1 + this.newlines + before.split('\n').length - 1 });
  }
}

/** Bytes at the end that begin a character still to be completed (a valid prefix: the decoder would wait for the rest). */
export function unfinishedTail(data: Buffer): number {
  const n = data.length;
  for (let k = 1; k <= 3 && n - k >= 0; k++) {
    const b = data[n - k];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need <= k) return 0;
    if (k >= 2 && !validSecond(b, data[n - k + 1])) return 0;
    return k;
  }
  return 0;
}

function validSecond(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return b >= 0x80 && b <= 0xbf;
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Length in UTF-16 code units (a JS string's length) of valid UTF-8 bytes. */
export function utf16Length(buf: Buffer, start = 0, end = buf.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}
