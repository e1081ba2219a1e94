// The other shipped configuration: systemd units (systemd-analyze verify where available), the OpenTelemetry
// collector config, the environment-file templates, and the backup scripts' syntax.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasBinary, repoRoot, run } from './scratch.js';

const read = (rel: string) => fs.readFileSync(path.join(repoRoot, rel), 'utf8');
const UNITS = ['lianzheng-api.service', 'lianzheng-backup.service', 'lianzheng-backup.timer'];

describe('systemd units', () => {
  const api = read('infra/systemd/lianzheng-api.service');
  const backup = read('infra/systemd/lianzheng-backup.service');
  const timer = read('infra/systemd/lianzheng-backup.timer');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-systemd-test-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the API unit is hardened and runs the API from /opt/lianzheng as lianzheng', () => {
    for (const line of ['User=lianzheng', 'EnvironmentFile=/etc/lianzheng/lianzheng.env', 'NoNewPrivileges=yes', 'ProtectSystem=strict',
      'ReadWritePaths=/var/lib/lianzheng', 'PrivateTmp=yes', 'Restart=on-failure', 'CapabilityBoundingSet=', 'WorkingDirectory=/opt/lianzheng']) {
      expect(api.split('\n')).toContain(line);
    }
    const exec = api.match(/^ExecStart=\S+ --import tsx (\S+)$/m);
    expect(exec, 'ExecStart').toBeTruthy();
    expect(fs.existsSync(path.join(repoRoot, exec![1]))).toBe(true);
    expect(api).toMatch(/^Environment=.*HOST=127\.0\.0\.1/m);
  });

  it('the backup runs nightly through the timer, with its own environment file', () => {
    expect(backup).toMatch(/^Type=oneshot$/m);
    expect(backup).toMatch(/^ExecStart=\/opt\/lianzheng\/infra\/backup\/backup\.sh$/m);
    expect(backup).toMatch(/^EnvironmentFile=\/etc\/lianzheng\/backup\.env$/m);
    expect(backup).toMatch(/^ReadWritePaths=\/var\/backups\/lianzheng$/m);
    expect(timer).toMatch(/^OnCalendar=\*-\*-\* 0\d:\d\d:00$/m);
    expect(timer).toMatch(/^Persistent=true$/m);
    expect(timer).toMatch(/^Unit=lianzheng-backup\.service$/m);
  });

  it.skipIf(!hasBinary('systemd-analyze'))('systemd-analyze verify finds nothing to say', async () => {
    for (const u of UNITS) fs.writeFileSync(path.join(tmp, u), read(`infra/systemd/${u}`).replaceAll('/opt/lianzheng', repoRoot));
    const r = await run('systemd-analyze', ['verify', ...UNITS.map((u) => path.join(tmp, u))]);
    const ours = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.includes('lianzheng'));
    expect(ours).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('OpenTelemetry collector config', () => {
  const yaml = read('infra/otel/collector.yaml');
  it('receives OTLP on loopback only, batches, and has a commented OTLP exporter', () => {
    expect(yaml).toMatch(/^\s+endpoint: 127\.0\.0\.1:4317$/m);
    expect(yaml).toMatch(/^\s+endpoint: 127\.0\.0\.1:4318$/m);
    expect(yaml).not.toMatch(/0\.0\.0\.0/);
    expect(yaml).toMatch(/^\s+batch:$/m);
    expect(yaml).toMatch(/^\s+processors: \[memory_limiter, batch\]$/m);
    expect(yaml).toMatch(/^\s*# otlp\/backend:$/m);
    expect(yaml).not.toMatch(/\t/);
  });
});

describe('environment file templates', () => {
  const KEYS = ['LZ_MODE', 'JWT_SECRET', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'MINIO_ENDPOINT', 'MINIO_PORT', 'MINIO_USE_SSL',
    'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY', 'MINIO_BUCKET', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME', 'HOST', 'PORT'];

  it('lianzheng.env.example names every variable, for production on loopback, and a shell can source it', async () => {
    const file = path.join(repoRoot, 'infra/env/lianzheng.env.example');
    const r = await run('bash', ['-c', `set -eu -a; . "$1"; for k in ${KEYS.join(' ')}; do printf '%s=%s\\n' "$k" "\${!k}"; done`, 'env-test', file],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    expect(r.code, r.stderr).toBe(0);
    const got = Object.fromEntries(r.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    for (const k of KEYS) expect(got[k], k).toBeTruthy();
    expect(got.LZ_MODE).toBe('production');
    expect(got.HOST).toBe('127.0.0.1');
    expect(got.PORT).toBe('3000');
    expect(got.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(got.OTEL_EXPORTER_OTLP_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:431[78]$/);
    expect(read('infra/README.md')).toContain('/etc/lianzheng/lianzheng.env');
  });

  it('backup.env.example sets the backup role and root', async () => {
    const r = await run('bash', ['-c', 'set -eu -a; . "$1"; echo "$BACKUP_DATABASE_URL|$BACKUP_ROOT|$BACKUP_KEEP_DAYS"', 'env-test',
      path.join(repoRoot, 'infra/env/backup.env.example')], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^postgres:\/\/lz_backup:[^|]+\|\/var\/backups\/lianzheng\|\d+$/);
  });
});

describe('backup scripts', () => {
  it('parse (bash -n, node --check) and are executable', async () => {
    for (const f of ['backup.sh', 'restore.sh']) {
      const p = path.join(repoRoot, 'infra/backup', f);
      expect((await run('bash', ['-n', p])).code, f).toBe(0);
      expect(fs.statSync(p).mode & 0o111, `${f} executable`).not.toBe(0);
    }
    for (const f of ['objects.mjs', 'manifest.mjs']) {
      const r = await run(process.execPath, ['--check', path.join(repoRoot, 'infra/backup', f)]);
      expect(r.code, `${f}: ${r.stderr}`).toBe(0);
    }
  });

  it('backup.sh on PostgreSQL refuses to start without the backup role, leaving nothing behind', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-backup-norole-'));
    try {
      const r = await run('bash', [path.join(repoRoot, 'infra/backup/backup.sh')], {
        env: { PATH: process.env.PATH, BACKUP_ROOT: root, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/BACKUP_DATABASE_URL is not set/);
      expect(fs.readdirSync(root).filter((n) => !n.startsWith('.lock'))).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
