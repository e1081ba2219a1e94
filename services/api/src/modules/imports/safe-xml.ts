// XML from uploaded files, read defensively: UTF-8 (or UTF-16 with a BOM) only, DOCTYPE and entity declarations
// refused before any parsing (no XXE, no entity expansion), well-formedness checked, size bounded by the caller.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A refusal of an uploaded file: `message` is the Chinese reason the user reads; `detail` the technical text, for the log only. */
export class FormError extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message);
  }
}

/** What fast-xml-parser's validator found, said in Chinese (its own English text goes to the log only). */
const XML_PROBLEMS: Record<string, string> = {
  InvalidChar: '出现了不应有的字符',
  InvalidTag: '标签不完整或不匹配',
  InvalidAttr: '属性格式错误',
  InvalidXml: '结构不完整（可能缺少结束标签）',
  InvalidEntity: '实体引用错误',
};

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
  if (valid !== true) {
    const problem = XML_PROBLEMS[valid.err.code] ?? '格式错误';
    throw new FormError(`${what}不是完整的 XML（第 ${valid.err.line} 行${problem}），文件可能已损坏或被截断`, `${valid.err.code}: ${valid.err.msg} (line ${valid.err.line}, col ${valid.err.col})`);
  }
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
