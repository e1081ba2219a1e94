// Tenant Word templates (docs/templates.md): an uploaded .docx whose text carries named Chinese placeholders
// ({发文机关}, {文号} …) and loops ({#干部}…{/干部}), filled with docxtemplater (placeholders survive Word splitting
// text into runs; a loop whose tags sit in one table row repeats the row; a loop whose tags stand alone in their own
// paragraphs repeats the paragraphs between). This file is the one home of the kinds, their placeholders and
// meanings, the validation of an upload and the fill. Storage, resolution and routes: modules/templates.
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import inspectModule from 'docxtemplater/js/inspect-module.js';
import { readZip } from '../modules/imports/safe-zip.js';
import { FormError } from '../modules/imports/safe-xml.js';

export type TemplateKind = 'reply' | 'reply-cadre' | 'disposition' | 'report';
export const TEMPLATE_KINDS: TemplateKind[] = ['reply', 'reply-cadre', 'disposition', 'report'];
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  reply: '廉政审查情况复函',
  'reply-cadre': '逐人复函',
  disposition: '预警处置通知书',
  report: '廉情评价报告',
};
export const isTemplateKind = (s: string): s is TemplateKind => (TEMPLATE_KINDS as string[]).includes(s);

/** The largest template accepted (bytes), and what its zip may inflate to. */
export const TEMPLATE_MAX_BYTES = 2 * 1024 * 1024;
const TEMPLATE_ZIP_LIMITS = { maxEntries: 500, maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024 };

/** A placeholder: its name, what it holds, a sample value; `lines`: several lines (each its own paragraph via 「X段落」). */
export interface Field { name: string; meaning: string; sample: string; lines?: boolean }
/** A loop ({#名称}…{/名称}) and the placeholders inside it. */
export interface Loop { name: string; meaning: string; fields: Field[] }
export interface KindSpec { fields: Field[]; loops: Loop[] }

/** The loop that gives a several-line field one paragraph per line: {#正文段落}{段}{/正文段落}. */
export const LINE_LOOP_SUFFIX = '段落';
export const LINE_FIELD = '段';

const CADRE_FIELDS: Field[] = [
  { name: '序号', meaning: '序号（1、2、3…）', sample: '1' },
  { name: '中文序号', meaning: '中文序号（一、二、三…）', sample: '一' },
  { name: '姓名', meaning: '干部姓名', sample: '张三' },
  { name: '单位', meaning: '所在单位', sample: '某某局' },
  { name: '职务', meaning: '职务', sample: '副局长' },
  { name: '单位职务', meaning: '单位及职务', sample: '某某局副局长' },
  { name: '回复意见', meaning: '结论（不持异议 / 建议暂缓 / 不宜作为拟…人选）', sample: '不持异议' },
  { name: '正文', meaning: '该干部的复函文字（签发或修改后的文字，多行）', sample: '张三同志，经查阅廉政档案，无相关记录。\n结论：对该同志选拔任用不持异议。', lines: true },
];

const REPLY_FIELDS: Field[] = [
  { name: '发文机关', meaning: '发文机关（红头）', sample: '某某市纪委监委' },
  { name: '文号', meaning: '复函文号（未签发时为「（草稿，未签发）」）', sample: '某纪廉复〔2026〕1号' },
  { name: '标题', meaning: '标题（关于××等同志廉政情况的复函）', sample: '关于张三同志廉政情况的复函' },
  { name: '征求意见单位', meaning: '征求意见单位（主送）', sample: '中共某某市委组织部' },
  { name: '来函文号', meaning: '来函文号（可为空）', sample: '某组函〔2026〕12号' },
  { name: '用途', meaning: '征求事由（选拔任用、表彰奖励…）', sample: '选拔任用' },
  { name: '复函日期', meaning: '复函日期（2026年3月9日）', sample: '2026年3月9日' },
  { name: '人数', meaning: '干部人数', sample: '1' },
];

export const KIND_SPECS: Record<TemplateKind, KindSpec> = {
  reply: {
    fields: REPLY_FIELDS,
    loops: [{ name: '干部', meaning: '逐名干部（表格行或段落）', fields: CADRE_FIELDS }],
  },
  // One cadre per letter: the cadre's placeholders also stand outside the loop.
  'reply-cadre': {
    fields: [...REPLY_FIELDS, ...CADRE_FIELDS.filter((f) => f.name !== '序号' && f.name !== '中文序号')],
    loops: [{ name: '干部', meaning: '本函的一名干部（可不用）', fields: CADRE_FIELDS }],
  },
  disposition: {
    fields: [
      { name: '发文机关', meaning: '发文机关（红头、落款）', sample: '某某市纪委监委' },
      { name: '文号', meaning: '通知书文号', sample: '某纪预〔2026〕3号' },
      { name: '标题', meaning: '标题（警示提醒 / 警示诫勉书 …）', sample: '警示提醒' },
      { name: '姓名', meaning: '干部姓名', sample: '张三' },
      { name: '单位', meaning: '干部所在单位', sample: '某某局' },
      { name: '职务', meaning: '职务', sample: '副局长' },
      { name: '机构', meaning: '干部所属机构（纪委监委）', sample: '某某区纪委监委' },
      { name: '称呼', meaning: '正文首行的称呼（张三同志：），无则为空', sample: '张三同志：' },
      { name: '正文', meaning: '通知正文（不含称呼行，多行）', sample: '经廉情预警研判，你存在以下情形……', lines: true },
      { name: '预警等级', meaning: '预警等级（红 / 橙 / 黄…），无预警时为空', sample: '黄' },
      { name: '预警日期', meaning: '预警研判日期', sample: '2026-03-01' },
      { name: '触发规则', meaning: '触发的预警规则（名称、编码、版本）', sample: '第一种形态（Y-FORM1，第 1 版）' },
      { name: '预警情形', meaning: '预警情形（逐条，多行）', sample: '1. 诫勉（2026-01-10 生效，影响期 6 个月）', lines: true },
      { name: '整改要求', meaning: '整改要求（多行）', sample: '（一）深刻反思……\n（二）制定整改措施……', lines: true },
      { name: '整改期限', meaning: '整改期限（2026年3月20日）', sample: '2026年3月20日' },
      { name: '整改工作日', meaning: '整改期限的工作日数', sample: '15' },
      { name: '发文日期', meaning: '发文日期（2026年3月1日）', sample: '2026年3月1日' },
      { name: '抄送', meaning: '抄送（干部所在单位及机构）', sample: '某某局（某某区纪委监委）' },
    ],
    loops: [],
  },
  report: {
    fields: [
      { name: '发文机关', meaning: '出具报告的机构（落款）', sample: '某某市纪委监委' },
      { name: '标题', meaning: '标题（关于张三同志廉情报告）', sample: '关于张三同志廉情报告' },
      { name: '姓名', meaning: '干部姓名', sample: '张三' },
      { name: '截至日期', meaning: '报告依据的档案日期（2026年3月9日）', sample: '2026年3月9日' },
      { name: '报告日期', meaning: '报告日期（落款日期）', sample: '2026年3月9日' },
      { name: '开头', meaning: '开头一段（依据、范围）', sample: '根据有关规定，现将张三同志截至2026年3月9日的廉政情况报告如下。', lines: true },
      { name: '正文', meaning: '全部内容（各部分标题及其各行，多行）', sample: '一、基本情况\n张三，男……\n二、奖励情况\n无相关记录。', lines: true },
    ],
    loops: [{
      name: '部分', meaning: '逐个部分（一、基本情况 二、奖励情况 …）',
      fields: [
        { name: '序号', meaning: '部分序号（1、2…）', sample: '1' },
        { name: '中文序号', meaning: '部分中文序号（一、二…）', sample: '一' },
        { name: '部分标题', meaning: '部分标题（基本情况 …）', sample: '基本情况' },
        { name: '内容', meaning: '该部分的各行（小标题（一）…、各条记录；无记录时为「无相关记录。」，多行）', sample: '张三，男，1976年4月生……', lines: true },
      ],
    }],
  },
};

/** The loops a kind's level offers: its own loops plus one 「X段落」 per several-line field. */
function loopsOf(fields: Field[], loops: Loop[]): Loop[] {
  return [...loops, ...fields.filter((f) => f.lines).map((f) => ({
    name: `${f.name}${LINE_LOOP_SUFFIX}`, meaning: `${f.name}，每行一段`, fields: [{ name: LINE_FIELD, meaning: '一行', sample: '' }],
  }))];
}

/** Every placeholder of a kind, as the console lists them: {名称} or {#循环}…{/循环} with their meaning. */
export function placeholderDocs(kind: TemplateKind): { name: string; meaning: string; loop: string | null }[] {
  const spec = KIND_SPECS[kind];
  const out: { name: string; meaning: string; loop: string | null }[] = spec.fields.map((f) => ({ name: `{${f.name}}`, meaning: f.meaning, loop: null }));
  for (const l of loopsOf(spec.fields, spec.loops)) {
    out.push({ name: `{#${l.name}}…{/${l.name}}`, meaning: l.meaning, loop: null });
    for (const f of l.fields) {
      if (l.name === '干部' || !l.name.endsWith(LINE_LOOP_SUFFIX)) out.push({ name: `{${f.name}}`, meaning: f.meaning, loop: l.name });
    }
    if (!l.name.endsWith(LINE_LOOP_SUFFIX)) {
      for (const sub of loopsOf(l.fields, [])) out.push({ name: `{#${sub.name}}{${LINE_FIELD}}{/${sub.name}}`, meaning: sub.meaning, loop: l.name });
    }
  }
  return out;
}

/** The values of a several-line text: the text itself (line breaks kept) and its 「X段落」 loop. */
export function lines(name: string, text: string): Record<string, unknown> {
  const list = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return { [name]: list.join('\n'), [`${name}${LINE_LOOP_SUFFIX}`]: list.map((l) => ({ [LINE_FIELD]: l })) };
}

/** Sample data for a kind (the test fill of an upload). */
export function sampleData(kind: TemplateKind): Record<string, unknown> {
  const level = (fields: Field[], loops: Loop[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of fields) Object.assign(out, f.lines ? lines(f.name, f.sample) : { [f.name]: f.sample });
    for (const l of loops) out[l.name] = [level(l.fields, []), level(l.fields, [])];
    return out;
  };
  const spec = KIND_SPECS[kind];
  return level(spec.fields, spec.loops);
}

export class TemplateError extends Error {}

/** docxtemplater's inspect module (CommonJS: its default export is the constructor at run time). */
const InspectModule = inspectModule as unknown as new () => { getAllStructuredTags(): unknown[] };

interface TagPart { type: string; value: string; module?: string; inverted?: boolean; subparsed?: TagPart[] }

const ERROR_TEXT: Record<string, (tag: string) => string> = {
  unopened_tag: (t) => `「${t}}」缺少开头的「{」`,
  unclosed_tag: (t) => `「{${t}」缺少结尾的「}」`,
  duplicate_open_tag: (t) => `「${t}」中有重复的「{」`,
  duplicate_close_tag: (t) => `「${t}」中有重复的「}」`,
  unopened_loop: (t) => `循环结束标记「{/${t}}」前没有对应的开始标记「{#${t}}」`,
  unclosed_loop: (t) => `循环「{#${t}}」没有结束标记「{/${t}}」`,
  closing_tag_does_not_match_opening_tag: (t) => `循环的开始与结束标记不一致（${t}）`,
  unbalanced_loop_tags: () => '循环的开始与结束标记不成对或交错（例如一个在表格内、一个在表格外）',
  raw_xml_tag_should_be_only_text_in_paragraph: (t) => `「{@${t}}」不允许使用`,
  invalid_xml_characters: (t) => `「${t}」含有无效字符`,
};

/** Chinese messages for docxtemplater's compile errors (a template with several mistakes lists them all, up to 10). */
function describeCompileError(e: unknown): string {
  const props = (e as { properties?: { errors?: { properties?: { id?: string; xtag?: string; context?: string } }[]; id?: string; xtag?: string } }).properties;
  const errors = props?.errors?.length ? props.errors.map((x) => x.properties ?? {}) : props ? [props] : [];
  const texts = [...new Set(errors.map((p) => {
    const tag = String(p.xtag ?? '').slice(0, 40);
    const fn = p.id ? ERROR_TEXT[p.id] : undefined;
    return fn ? fn(tag) : 'Word 文档结构无法识别';
  }))];
  return `模板格式有误：${texts.slice(0, 10).join('；')}${texts.length > 10 ? ` 等 ${texts.length} 处` : ''}`;
}

const dxtOptions = { paragraphLoop: true, linebreaks: true, nullGetter: () => '', errorLogging: false };

/** Opens the zip under the bounds (zip bombs stop at the limit), then as a Word document. */
async function openDocx(buf: Buffer, what: string): Promise<PizZip> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readZip(buf, () => true, what, TEMPLATE_ZIP_LIMITS);
  } catch (e) {
    throw new TemplateError(e instanceof FormError ? e.message : `${what}不是有效的 Word 文档（.docx）`);
  }
  if (!entries.has('word/document.xml') || !entries.has('[Content_Types].xml')) throw new TemplateError(`${what}不是 Word 文档（.docx）：缺少正文部分`);
  if ([...entries.keys()].some((p) => /vbaProject\.bin$/i.test(p))) throw new TemplateError(`${what}含有宏，请另存为不含宏的 .docx 后上传`);
  try {
    return new PizZip(buf);
  } catch {
    throw new TemplateError(`${what}不是有效的 Word 文档（.docx）`);
  }
}

/** The structured tags of a template (throws a TemplateError with the Chinese reasons on a syntax error). */
function inspect(zip: PizZip): TagPart[] {
  const mod = new InspectModule();
  try {
    new Docxtemplater(zip, { ...dxtOptions, modules: [mod as never] });
  } catch (e) {
    throw new TemplateError(describeCompileError(e));
  }
  return mod.getAllStructuredTags() as unknown as TagPart[];
}

interface Level { fields: Set<string>; loops: Map<string, Loop> }
const levelOf = (fields: Field[], loops: Loop[]): Level => ({ fields: new Set(fields.map((f) => f.name)), loops: new Map(loopsOf(fields, loops).map((l) => [l.name, l])) });

/**
 * Checks an uploaded template for a kind: a .docx the library parses, no syntax errors, every placeholder known at
 * its place (a loop's own placeholders inside it, the letter's everywhere), no raw-XML tags, and a test fill with
 * sample data that succeeds. Returns the placeholders used ({名称}, {#循环}); throws TemplateError in Chinese.
 */
export async function validateTemplate(kind: TemplateKind, buf: Buffer, fileName: string): Promise<string[]> {
  if (buf.length > TEMPLATE_MAX_BYTES) throw new TemplateError(`模板文件超过 ${TEMPLATE_MAX_BYTES / 1048576} MB 上限`);
  const what = `「${fileName}」`;
  const zip = await openDocx(buf, what);
  // Placeholders typed with the Chinese input method's full-width braces (｛姓名｝) would silently stay as they are.
  const body = (zip.file('word/document.xml')?.asText() ?? '').replace(/<[^>]+>/g, '');
  const wide = [...new Set(body.match(/｛[^｛｝{}]{1,20}｝/g) ?? [])];
  if (wide.length) throw new TemplateError(`模板中的${wide.slice(0, 5).map((w) => `「${w}」`).join('、')}使用了全角括号，请改为半角 {}，如 {${wide[0].slice(1, -1)}}`);
  const tags = inspect(zip);
  const spec = KIND_SPECS[kind];
  const used = new Set<string>();
  const unknown = new Set<string>();
  const refused = new Set<string>();
  const walk = (parts: TagPart[], stack: Level[]) => {
    for (const p of parts) {
      if (p.type !== 'placeholder') continue;
      const name = String(p.value ?? '').trim();
      if (p.module === 'rawxml' || p.module) {
        if (p.module !== 'loop') { refused.add(`{${p.module === 'rawxml' ? '@' : ''}${name}}`); continue; }
      }
      if (p.module === 'loop') {
        const loop = [...stack].reverse().map((l) => l.loops.get(name)).find(Boolean);
        const isField = stack.some((l) => l.fields.has(name));
        if (loop && !p.inverted) {
          used.add(`{#${name}}`);
          walk(p.subparsed ?? [], [...stack, levelOf(loop.fields, [])]);
        } else if (loop || isField) {
          // A condition: {#来函文号}…{/来函文号} shows its content when the value is not empty, {^…} when it is.
          used.add(`{${p.inverted ? '^' : '#'}${name}}`);
          walk(p.subparsed ?? [], stack);
        } else {
          unknown.add(`{#${name}}`);
          walk(p.subparsed ?? [], stack);
        }
        continue;
      }
      if (stack.some((l) => l.fields.has(name))) used.add(`{${name}}`);
      else unknown.add(`{${name}}`);
    }
  };
  walk(tags, [levelOf(spec.fields, spec.loops)]);
  if (refused.size) throw new TemplateError(`模板含有不支持的占位符：${[...refused].join('、')}`);
  if (unknown.size) {
    const allowed = placeholderDocs(kind).map((d) => (d.loop ? `${d.name}（${d.loop}内）` : d.name));
    throw new TemplateError(`模板含有未知的占位符：${[...unknown].join('、')}。${TEMPLATE_KIND_LABELS[kind]}可用的占位符：${allowed.join('、')}`);
  }
  if (!used.size) throw new TemplateError(`模板中没有任何占位符，请按占位符说明在文中写入如 {发文机关}、{文号} 等`);
  try {
    await fillTemplate(buf, sampleData(kind));
  } catch (e) {
    throw new TemplateError(e instanceof TemplateError ? e.message : '模板试填示例数据失败，请检查占位符与循环的位置');
  }
  return [...used];
}

/** The template filled with data (a fresh .docx). The template was checked at upload; it is opened under the bounds again. */
export async function fillTemplate(template: Buffer, data: Record<string, unknown>): Promise<Buffer> {
  const zip = await openDocx(template, '模板');
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, dxtOptions);
  } catch (e) {
    throw new TemplateError(describeCompileError(e));
  }
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}
