import { inflateSync } from 'node:zlib';

/**
 * The text drawn on a PDF made with pdf-lib's standard fonts: inflate each content stream
 * and decode the hex strings of its `Tj` operators (WinAnsi ≈ Latin-1 for French text).
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const texts: string[] = [];
  let from = 0;
  for (;;) {
    const start = raw.indexOf('stream', from, 'latin1');
    if (start < 0) break;
    const dataStart = start + (raw[start + 6] === 0x0d ? 8 : 7);
    const end = raw.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) break;
    const chunk = raw.subarray(dataStart, end);
    let content: string;
    try {
      content = inflateSync(chunk).toString('latin1');
    } catch {
      content = chunk.toString('latin1');
    }
    for (const match of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      const hex = match[1]!;
      texts.push(winAnsi(Buffer.from(hex, 'hex')));
    }
    from = end + 9;
  }
  return texts.join('\n');
}

const WIN_ANSI_EXTRAS: Record<number, string> = { 0x92: '’', 0x96: '–', 0x97: '—', 0x95: '•', 0x80: '€' };
const winAnsi = (bytes: Buffer) => [...bytes].map((byte) => WIN_ANSI_EXTRAS[byte] ?? String.fromCharCode(byte)).join('');
