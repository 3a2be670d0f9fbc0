/**
 * Cable bytes to text and back, as every host reads and writes them: UTF-8 when the bytes are
 * valid UTF-8, else Latin-1, the encoding of the cables.csv texts (their `¶` is the single byte
 * 0xB6, which is never valid UTF-8 on its own). No Node built-ins: a browser host decodes the
 * same way.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** ISO-8859-1 exactly (TextDecoder's `latin1` is windows-1252, which remaps 0x80-0x9F). */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** How far into a file `looksBinary` looks, as git and GNU grep do. */
const BINARY_PROBE = 8192;

/**
 * Bytes no cable is written in: a NUL byte in the first 8 KB (an executable, an image, a
 * compressed file, UTF-16 text). The CLI and `lintFiles` skip such a file instead of reading it
 * as a garbled Latin-1 cable.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE).includes(0);
}

/** How a file's bytes were read, so that `--fix` writes them back the same way. */
export interface CableEncoding {
  encoding: 'utf8' | 'latin1';
  bom: boolean;
}

/** The text of cable bytes; a UTF-8 byte-order mark is dropped. */
export function decodeCable(bytes: Uint8Array): string {
  return decodeCableWithEncoding(bytes).text;
}

export function decodeCableWithEncoding(bytes: Uint8Array): { text: string } & CableEncoding {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8', bom };
  } catch {
    return { text: latin1(bytes), encoding: 'latin1', bom: false };
  }
}

/**
 * Text to bytes in the file's own encoding. A Latin-1 file stays Latin-1 while every character
 * fits in it (a `¶` stays the single byte 0xB6); otherwise it becomes UTF-8, since dropping a
 * character is never acceptable.
 */
export function encodeCable(text: string, enc: CableEncoding): { bytes: Uint8Array; encoding: CableEncoding['encoding'] } {
  if (enc.encoding === 'latin1' && !/[^\u0000-\u00ff]/.test(text)) {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return { bytes, encoding: 'latin1' };
  }
  const body = utf8Encoder.encode(text);
  if (!enc.bom) return { bytes: body, encoding: 'utf8' };
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return { bytes, encoding: 'utf8' };
}
