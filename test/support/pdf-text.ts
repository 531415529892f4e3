/**
 * Reads what a browser test needs from a PDF Chromium printed, with Node's zlib only (no PDF
 * library is installed): the page count, and the text as a reader's copy-paste gives it — each
 * font's glyph codes mapped through its ToUnicode CMap, the way PDF viewers extract text. Not a
 * general PDF parser: it reads the uncompressed object syntax and Flate streams Chromium writes.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** Every `N 0 obj … endobj`, its dictionary text and its (inflated) stream. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/gu;
  for (let match = header.exec(text); match !== null; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    let dict = body;
    let stream: Buffer | null = null;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      let dataStart = start + streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart += 1;
      if (text[dataStart] === '\n') dataStart += 1;
      const dataEnd = text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      stream = /\/FlateDecode/u.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

/** Pages, from the page tree's count; every `/Type /Page` object is counted too, and both must agree. */
export function pdfPageCount(pdf: Buffer): number {
  const objects = [...readObjects(pdf).values()];
  const pages = objects.filter((o) => /\/Type\s*\/Page(?![a-zA-Z])/u.test(o.dict)).length;
  const root = objects.find((o) => /\/Type\s*\/Pages\b/u.test(o.dict) && !/\/Parent\b/u.test(o.dict));
  const count = Number(/\/Count\s+(\d+)/u.exec(root?.dict ?? '')?.[1] ?? NaN);
  if (count !== pages) throw new Error(`the page tree says ${String(count)} pages, ${String(pages)} page objects found`);
  return pages;
}

interface CMap {
  bytes: number;
  map: Map<number, string>;
}

const hexToString = (hex: string): string => {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
};

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  let bytes = 1;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/gu)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/gu)) {
      const src = entry[1] ?? '';
      bytes = Math.max(bytes, src.length / 2);
      map.set(parseInt(src, 16), hexToString(entry[2] ?? ''));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/gu)) {
    for (const entry of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/gu)) {
      const lo = parseInt(entry[1] ?? '0', 16);
      const hi = parseInt(entry[2] ?? '0', 16);
      bytes = Math.max(bytes, (entry[1] ?? '').length / 2);
      const target = entry[3] ?? '';
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9a-fA-F]+)>/gu)].map((m) => hexToString(m[1] ?? ''));
        items.forEach((value, i) => map.set(lo + i, value));
      } else {
        const base = hexToString(target.slice(1, -1));
        const last = base.charCodeAt(base.length - 1);
        for (let code = lo; code <= hi; code += 1) map.set(code, base.slice(0, -1) + String.fromCharCode(last + code - lo));
      }
    }
  }
  return { bytes, map };
}

/** The bytes of a PDF string operand: `<hex>` or `(literal)` with its escapes. */
function operandBytes(token: string): number[] {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/gu, '');
    const out: number[] = [];
    for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    return out;
  }
  const out: number[] = [];
  const body = token.slice(1, -1);
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{1,3}/u.exec(body.slice(i + 1))?.[0];
    if (octal) {
      out.push(parseInt(octal, 8));
      i += octal.length;
    } else {
      out.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return out;
}

/**
 * The text of every page, in drawing order, through each font's ToUnicode CMap. Text shown
 * with a font that has no CMap is left out (a reader could not copy it either).
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, CMap>();
  const fontByName = new Map<string, CMap>();
  for (const object of objects.values()) {
    for (const entry of object.dict.matchAll(/\/Font\s*<<([^>]*)>>/gu)) {
      for (const ref of (entry[1] ?? '').matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/gu)) {
        const font = objects.get(Number(ref[2]));
        const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/u.exec(font?.dict ?? '')?.[1];
        if (toUnicode === undefined) continue;
        const number = Number(toUnicode);
        let cmap = cmaps.get(number);
        if (cmap === undefined) {
          cmap = parseCMap(objects.get(number)?.stream?.toString('latin1') ?? '');
          cmaps.set(number, cmap);
        }
        fontByName.set(ref[1] ?? '', cmap);
      }
    }
  }
  let out = '';
  for (const object of objects.values()) {
    const content = object.stream?.toString('latin1');
    if (content === undefined || !/\bBT\b/u.test(content) || /begincmap/u.test(content)) continue;
    let font: CMap | undefined;
    const tokens = content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\bT[Jj]\b|\bET\b|'|"/gu);
    for (const [token, name] of tokens) {
      if (name !== undefined) font = fontByName.get(name);
      else if (token === 'ET') out += '\n';
      else if (token.startsWith('<') || token.startsWith('(')) {
        if (font === undefined) continue;
        const bytes = operandBytes(token);
        for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
          let code = 0;
          for (let b = 0; b < font.bytes; b += 1) code = code * 256 + (bytes[i + b] ?? 0);
          out += font.map.get(code) ?? '';
        }
      }
    }
  }
  return out;
}
