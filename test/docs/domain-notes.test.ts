// The repository carries its own domain notes (docs/domain.md): they cover the twelve categories with their fields,
// the appointment form's fields, the four forms and the influence periods as the code has them, code comments point
// there by section, and nothing points to notes outside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES, formOfMeasure, SANCTION_KINDS, SANCTION_MEASURES,
} from '../../services/api/src/modules/records/categories.js';
import { BASIC_FIELDS } from '../../services/api/src/modules/cadres/fields.js';
import { influenceDefaultMonths } from '../../shared/warnings.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const notes = readFileSync(join(root, 'docs/domain.md'), 'utf8');
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'data', 'gql']);
const TEXT = /\.(ts|tsx|mts|cts|js|mjs|json|md|sql|sh|graphql|ya?ml|conf|service|css|html)$|^Makefile$|^run$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : files(p);
    return TEXT.test(e.name) && e.name !== 'package-lock.json' ? [p] : [];
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped (CJK kept), spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

/** The body of the section whose heading starts with `title`. */
function section(title: string): string {
  const start = notes.indexOf(`\n## ${title}`);
  expect(start, `docs/domain.md has a section「${title}」`).toBeGreaterThan(-1);
  const end = notes.indexOf('\n## ', start + 4);
  return notes.slice(start, end < 0 ? undefined : end);
}

describe('domain notes in the repository (docs/domain.md)', () => {
  const all = files(root);

  it('no file points to the old notes file or to notes outside the repository', () => {
    expect(all.length).toBeGreaterThan(200);
    const name = ['DOMAIN', 'md'].join('.');
    const outside: string[] = [];
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      if (text.includes(name)) outside.push(`${relative(root, f)}: ${name}`);
      // Relative paths (../shared/…, ../../x) must stay inside the repository when read from the file's folder.
      for (const m of text.matchAll(/(?<![\w./-])((?:\.\.\/)+)([\w@.-]+)/g)) {
        const target = resolve(dirname(f), m[1] + m[2]);
        if (target !== root && !target.startsWith(root + sep)) outside.push(`${relative(root, f)}: ${m[0]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('every section of docs/domain.md a file names exists', () => {
    const anchors = new Set([...notes.matchAll(/^#{1,4} (.+)$/gm)].map((m) => slug(m[1])));
    const refs = all.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/docs\/domain\.md#([\p{L}\p{N}_-]+)/gu)]
      .map((m) => ({ file: relative(root, f), anchor: m[1] })));
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter((r) => !anchors.has(r.anchor))).toEqual([]);
    // The sections the record and cadre specs point to are among them.
    for (const a of ['the-twelve-categories', 'the-appointment-form-干部任免审批表', 'the-four-forms-四种形态', 'influence-periods-影响期']) {
      expect(refs.map((r) => r.anchor)).toContain(a);
    }
  });

  it('covers the twelve categories with every field', () => {
    const body = section('The twelve categories');
    const rows = new Map([...body.matchAll(/^\| (\d+) \| (.+?) \| (.+) \|$/gm)].map((m) => [Number(m[1]), `${m[2]} ${m[3]}`]));
    expect([...rows.keys()]).toEqual(CATEGORIES.map((c) => c.id));
    for (const c of CATEGORIES) {
      const row = rows.get(c.id)!;
      expect(row, `category ${c.id}`).toContain(c.title);
      expect(row).toContain(`(${c.short})`);
      for (const f of c.fields) expect(row, `${c.short}: ${f.label}`).toContain(f.required ? `${f.label}*` : f.label);
    }
  });

  it("covers the appointment form's fields with their .lrmx elements", () => {
    const body = section('The appointment form');
    for (const f of BASIC_FIELDS) {
      if (!('lrmx' in f) || !f.lrmx) continue;
      const education = /^(QuanRiZhiJiaoYu|ZaiZhiJiaoYu)_/.exec(f.lrmx);
      if (education) expect(body, f.label).toContain(`${education[1]}_…`);
      else expect(body, f.label).toContain(`${f.label} [${f.lrmx}]`);
    }
    for (const e of ['ShenFenZheng', 'ZhaoPian', 'JianLi', 'JiaTingChengYuan', 'TianBiaoShiJian', 'TianBiaoRen', 'JiSuanNianLingShiJian']) {
      expect(body).toContain(`[${e}]`);
    }
  });

  it('names the four forms with the measures the code assigns to each', () => {
    const body = section('The four forms');
    const steps = [...body.matchAll(/^(\d)\. \*\*(第.种形态)\*\*([\s\S]*?)(?=^\d\. |\n\n)/gm)];
    expect(steps.map((m) => m[2])).toEqual(['第一种形态', '第二种形态', '第三种形态', '第四种形态']);
    for (const { label } of SANCTION_MEASURES) {
      if (label === '其他') continue;
      const form = formOfMeasure(label);
      const step = steps.find((m) => m[2] === form)!;
      expect(step[3], `${label} → ${form}`).toContain(label);
    }
  });

  it('lists exactly the default influence periods the code applies', () => {
    const body = section('Influence periods');
    const table = [...body.matchAll(/^\| (\S+) \| (\S+) \| (\d+) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`).sort();
    const expected = new Set<string>();
    for (const { code: kindCode, label: kind } of SANCTION_KINDS) {
      for (const { code: measureCode, label: measure } of SANCTION_MEASURES) {
        const months = influenceDefaultMonths(kindCode, measureCode);
        // A row without a kind (—) applies to every kind that has no row of its own for the measure.
        const own = (kind === '党纪处分' || kind === '政务处分') && months !== influenceDefaultMonths(null, measureCode);
        if (months !== null) expected.add(`${own ? kind : '—'} ${measure} ${months}`);
      }
    }
    expect(table).toEqual([...expected].sort());
    expect(body).toContain('already outside');
  });
});
