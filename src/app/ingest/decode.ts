// Bytes to text: the checks that turn bad input into one clear line instead of garbage articles.

import { isUtf8 } from 'node:buffer';

export const DEFAULT_MAX_BYTES = 20_000_000;

/** "52.4 MB", "5.0 kB", "300 bytes" */
export function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/** "20 MB" for round limits, "2.5 MB" otherwise. */
export function formatLimit(bytes: number): string {
  return formatSize(bytes).replace('.0 ', ' ');
}

export function sizeError(what: 'file' | 'line' | 'input', bytes: number, max: number): string {
  return `${what} is ${formatSize(bytes)}, over the ${formatLimit(max)} limit; split it or pass --max-size`;
}

/**
 * NUL bytes (anywhere) or many control characters near the start mean binary data, not text.
 * Text with a UTF-16 byte-order mark is handled before this check.
 */
export function looksBinary(buf: Uint8Array): boolean {
  if (buf.indexOf(0) !== -1) return true;
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return control > n * 0.1;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { len = 2; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { len = 3; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { len = 4; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = buf[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

export type Decoded = { text: string } | { error: string };

/**
 * Decodes a whole file: rejects empty, binary and invalid UTF-8 input, accepts UTF-16 with a byte-order
 * mark, strips a UTF-8 BOM and turns CRLF (and lone CR) into LF.
 * `offset` is where `buf` starts in the file, so error positions are file positions.
 */
export function decodeText(buf: Uint8Array, offset = 0): Decoded {
  if (buf.length === 0) return { error: 'empty file' };
  let text: string;
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    try {
      text = new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf.subarray(2));
    } catch {
      return { error: 'invalid UTF-16 text' };
    }
  } else {
    if (looksBinary(buf)) return { error: 'binary file, not text' };
    if (!isUtf8(buf)) return { error: `invalid UTF-8 at byte ${offset + firstInvalidUtf8(buf)}` };
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  }
  text = normaliseNewlines(text);
  if (text.trim() === '') return { error: 'empty file' };
  return { text };
}

/** Strips a leading BOM and converts CRLF and lone CR to LF; everything else is kept as given. */
export function normaliseNewlines(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
