#!/usr/bin/env node
// The backup manifest (DIR/manifest.json): what a backup holds and the checksums to prove a restore.
//
//   node infra/backup/manifest.mjs write  DIR   assemble manifest.json from the parts backup.sh left in DIR
//   node infra/backup/manifest.mjs check  DIR   re-hash the archive files (db.dump, data.tar, files.tar) against it
//   node infra/backup/manifest.mjs tables DIR   print "table<TAB>rows<TAB>sha256<TAB>(columns)" per table
//
// Parts: db-tables.tsv (per table: rows and SHA-256 of the sorted COPY lines of the dump, written by backup.sh),
// objects.json (written by objects.mjs), and the archive files themselves.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';

const ARCHIVES = ['db.dump', 'data.tar', 'files.tar', 'anchors.tar'];
const die = (msg) => { console.error(`manifest: ${msg}`); process.exit(1); };

async function sha256File(file) {
  const h = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) { h.update(chunk); size += chunk.length; }
  return { sha256: h.digest('hex'), bytes: size };
}

async function write(dir) {
  const manifest = {
    format: 1,
    product: 'lianzheng',
    createdAt: new Date().toISOString(),
    host: os.hostname(),
    mode: process.env.BACKUP_MODE ?? (fs.existsSync(path.join(dir, 'db.dump')) ? 'postgres' : 'pglite'),
    app: { commit: process.env.BACKUP_APP_COMMIT || null, version: process.env.BACKUP_APP_VERSION || null },
    files: {},
  };
  for (const name of ARCHIVES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) manifest.files[name] = await sha256File(file);
  }
  const tsv = path.join(dir, 'db-tables.tsv');
  if (fs.existsSync(tsv)) {
    const tables = {};
    for (const line of (await fsp.readFile(tsv, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      const [table, rows, sha256, columns] = line.split('\t');
      tables[table] = { rows: Number(rows), sha256, columns };
    }
    manifest.database = {
      file: 'db.dump',
      serverVersion: process.env.BACKUP_SERVER_VERSION || null,
      // Rows and checksums come from the dump itself: exactly what a restore brings back.
      checksum: 'sha256 of the table\'s COPY text lines (TimeZone UTC, DateStyle ISO), sorted bytewise, newline-terminated',
      tables,
    };
    await fsp.unlink(tsv);
  }
  const objects = path.join(dir, 'objects.json');
  if (fs.existsSync(objects)) {
    manifest.objects = JSON.parse(await fsp.readFile(objects, 'utf8'));
    await fsp.unlink(objects);
  }
  await fsp.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  const parts = [];
  if (manifest.database) {
    const t = Object.values(manifest.database.tables);
    parts.push(`${t.length} tables, ${t.reduce((n, x) => n + x.rows, 0)} rows`);
  }
  if (manifest.objects) parts.push(`${manifest.objects.count} objects`);
  for (const [name, f] of Object.entries(manifest.files)) parts.push(`${name} ${f.bytes} bytes`);
  console.log(`manifest: ${parts.join(', ')}`);
}

async function read(dir) {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) die(`${file} not found: not a backup directory`);
  const m = JSON.parse(await fsp.readFile(file, 'utf8'));
  if (m.format !== 1 || m.product !== 'lianzheng') die(`${file} is not a lianzheng backup manifest (format ${m.format})`);
  return m;
}

async function check(dir) {
  const m = await read(dir);
  for (const [name, want] of Object.entries(m.files ?? {})) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) die(`${name} is missing`);
    const got = await sha256File(file);
    if (got.sha256 !== want.sha256 || got.bytes !== want.bytes) die(`${name} is damaged (sha256 ${got.sha256}, expected ${want.sha256})`);
  }
  console.log(`manifest: ${Object.keys(m.files ?? {}).join(', ') || 'no archive files'} match the manifest (mode ${m.mode}, made ${m.createdAt} on ${m.host})`);
}

async function tables(dir) {
  const m = await read(dir);
  if (!m.database) die('this backup has no PostgreSQL dump');
  for (const [t, x] of Object.entries(m.database.tables)) process.stdout.write(`${t}\t${x.rows}\t${x.sha256}\t${x.columns}\n`);
}

const [cmd, dir] = process.argv.slice(2);
const run = { write, check, tables }[cmd];
if (!run || !dir) { console.error('usage: manifest.mjs write|check|tables DIR'); process.exit(2); }
run(path.resolve(dir)).catch((e) => die(e?.stack ?? String(e)));
