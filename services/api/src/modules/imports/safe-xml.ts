// XML from uploaded files, read defensively: UTF-8 (or UTF-16 with a BOM) only, DOCTYPE and entity declarations
// refused before any parsing (no XXE, no entity expansion), well-formedness checked, size bounded by the caller.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class FormError extends Error {}

/** Bytes → text; a BOM is dropped. Anything that is not valid UTF-8 (or BOM-marked UTF-16) is refused. */
export function decodeXmlText(buf: Buffer): string {
  try {
    if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(buf.subarray(2));
    if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(buf.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    throw new FormError('文件不是 UTF-8 编码的 XML');
  }
}

/** Refuse what XML parsers are attacked through, then check well-formedness (a truncated file fails here). */
export function checkXml(text: string, what: string): void {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new FormError(`${what}含有 DOCTYPE 或实体声明，出于安全原因拒绝导入`);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) throw new FormError(`${what}不是完整的 XML（第 ${valid.err.line} 行：${valid.err.msg}），文件可能已损坏或被截断`);
}

const common = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;

/** Object form: each element → its text or an object of children (arrays for the listed paths). */
export function parseXmlObject(text: string, what: string, arrays: (path: string) => boolean = () => false): Record<string, unknown> {
  checkXml(text, what);
  return new XMLParser({ ...common, jPath: true, isArray: (_n, path) => arrays(String(path)) }).parse(text) as Record<string, unknown>;
}

/** Ordered form (the document's run order matters): [{ tag: [children], ':@': { attrs } }, { '#text': … }]. */
export type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };
export function parseXmlOrdered(text: string, what: string): OrderedNode[] {
  checkXml(text, what);
  return new XMLParser({ ...common, preserveOrder: true }).parse(text) as OrderedNode[];
}

/** The five predefined entities and numeric references (the only ones a well-formed file without DTD may use). */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}
