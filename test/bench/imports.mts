// make bench: import throughput of the appointment form, measured in-process (parse, photo re-encoding and the
// import plan; no database), for .docx (Word style, LibreOffice re-save) and .lrmx. Writes BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { parseUpload } from '../../services/api/src/modules/imports/parse.js';
import { planFromForm } from '../../services/api/src/modules/imports/apply.js';
import { writeLrmx } from '../../services/api/src/modules/imports/lrmx.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const fixtures = path.join(root, 'test/fixtures/forms');

async function rate(name: string, buf: Buffer, seconds = 3): Promise<{ name: string; files: number; perSecond: number; kb: number }> {
  // Warm up, then as many as fit in the time.
  for (let i = 0; i < 5; i++) await parseUpload(name, buf);
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    const [f] = await parseUpload(name, buf);
    if (f.status !== 'ok') throw new Error(`${name}: ${f.error}`);
    planFromForm(f.fields!);
    n++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { name, files: n, perSecond: n / elapsed, kb: buf.length / 1024 };
}

const [word] = await parseUpload('w.docx', fs.readFileSync(path.join(fixtures, 'word-style.docx')));
const photo = (await sharp({ create: { width: 450, height: 600, channels: 3, background: '#667788' } }).jpeg().toBuffer()).toString('base64');
const lrmx = Buffer.from(writeLrmx({ ...word.fields!, ZhaoPian: photo, ShenFenZheng: '' }));
const lrmxNoPhoto = Buffer.from(writeLrmx({ ...word.fields!, ZhaoPian: undefined }));
const results = [
  await rate('word-style.docx', fs.readFileSync(path.join(fixtures, 'word-style.docx'))),
  await rate('word-style-libreoffice.docx', fs.readFileSync(path.join(fixtures, 'word-style-libreoffice.docx'))),
  await rate('form-with-photo.lrmx', lrmx),
  await rate('form-no-photo.lrmx', lrmxNoPhoto),
];
const lines = [
  '## Import throughput (干部任免审批表)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`make bench\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}:`,
  'one file after another in one process — zip and XML parsing, label matching, photo decode and re-encode (sharp),',
  'and the import plan (checks against the code tables). Database writes are not included.',
  '',
  '| File | Size | Files parsed | Files per second |',
  '|---|---:|---:|---:|',
  ...results.map((r) => `| ${r.name} | ${r.kb.toFixed(1)} KB | ${r.files} | ${r.perSecond.toFixed(1)} |`),
  '',
];
const file = path.join(root, 'BENCHMARKS.md');
const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nNumbers are written by `make bench`; tests never assert timings.\n\n';
const marker = '## Import throughput (干部任免审批表)';
const before = old.includes(marker) ? old.slice(0, old.indexOf(marker)) : old;
const afterIdx = old.includes(marker) ? old.indexOf('\n## ', old.indexOf(marker) + marker.length) : -1;
fs.writeFileSync(file, before + lines.join('\n') + (afterIdx >= 0 ? old.slice(afterIdx) : ''));
console.log(lines.join('\n'));
