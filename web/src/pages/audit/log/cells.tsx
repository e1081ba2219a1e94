// 访问日志's cells: the 涉及干部 popover (names and ids, 「只看此人」) and the expanded row with the chain fields and the
// detail. Times in Beijing time, as the exports show them.
import type React from 'react';
import { useState } from 'react';
import { Button, Popover, Tag, Typography } from 'antd';
import { beijingTime } from '@shared/time';
import { dash } from '../../../components/format';
import type { AuditEvent } from '../queries';

/** A cadre a row concerns: its current name, or none when it is no longer within the auditor's view. */
export interface CadreName { id: string; name?: string | null }

export function CadreIdsCell({ ids, cadres, current, onPick }: {
  ids: string[]; cadres: CadreName[]; current: string | null; onPick(id: string): void;
}) {
  const [open, setOpen] = useState(false);
  if (!ids.length) return <span className="lz-muted">—</span>;
  const names = new Map(cadres.map((c) => [c.id, c.name]));
  const first = names.get(ids[0]);
  const content = (
    <ul className="lz-cadre-ids" data-testid="audit-cadre-list">
      {ids.map((id) => (
        <li key={id} className="lz-cadre-id-item">
          <span className="lz-cadre-name" data-testid="audit-cadre-name">{names.get(id) ?? <span className="lz-muted">（不在可见范围）</span>}</span>
          <Typography.Text className="lz-mono lz-cadre-id" copyable={{ text: id, tooltips: ['复制', '已复制'] }}>{id}</Typography.Text>
          {current === id ? (
            <Tag color="red" className="lz-tree-tag">当前</Tag>
          ) : (
            <Button
              type="link"
              size="small"
              className="lz-cadre-pick"
              data-testid="audit-cadre-pick"
              onClick={() => { setOpen(false); onPick(id); }}
            >
              只看此人
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
  return (
    <Popover
      trigger="click"
      placement="left"
      open={open}
      onOpenChange={setOpen}
      title={`涉及干部（${ids.length} 人）`}
      content={content}
    >
      <Button type="link" size="small" className="lz-cadre-count" data-testid="audit-cadres">
        {first ? (ids.length > 1 ? `${first}等 ${ids.length} 人` : first) : `${ids.length} 人`}
      </Button>
    </Popover>
  );
}

function prettyDetail(detail: string): string | null {
  try {
    const v = JSON.parse(detail);
    if (v === null || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) return null;
    return JSON.stringify(v, null, 2);
  } catch {
    return detail || null;
  }
}

function Field({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? 'lz-kv-item lz-kv-wide' : 'lz-kv-item'}>
      <dt className="lz-kv-label">{label}</dt>
      <dd className="lz-kv-value">{children}</dd>
    </div>
  );
}

export function ExpandedRow({ r }: { r: AuditEvent }) {
  const detail = prettyDetail(r.detail);
  const mono = (v: string | null, copy = false) =>
    v ? <Typography.Text className="lz-mono lz-break" copyable={copy ? { tooltips: ['复制', '已复制'] } : false}>{v}</Typography.Text> : dash(v);
  return (
    <dl className="lz-kv" data-testid="audit-expanded">
      <Field label="时间"><span className="lz-nums">{beijingTime(r.at, { ms: true })}</span><span className="lz-muted">（北京时间）</span></Field>
      <Field label="链序号">
        {r.seq ? <span className="lz-mono" data-testid="audit-seq">{r.seq}</span> : <span className="lz-muted">未入链</span>}
      </Field>
      <Field label="记录编号">{mono(r.id)}</Field>
      <Field label="请求编号" wide>{mono(r.requestId, true)}</Field>
      <Field label="SM3 哈希" wide><span data-testid="audit-hash">{mono(r.hash, true)}</span></Field>
      {/* The request as the API received it (forensic detail beside the chain fields); 内容 above says what it did. */}
      <Field label="接口原文" wide>{mono(r.operation)}</Field>
      <Field label="涉及干部" wide>
        {r.cadres.length ? (
          <span className="lz-break">
            {r.cadres.map((c) => `${c.name ?? '（不在可见范围）'}（${c.id}）`).join('，')}
          </span>
        ) : dash(null)}
      </Field>
      <Field label="详情" wide>
        {detail ? <pre className="lz-audit-json" data-testid="audit-detail">{detail}</pre> : <span className="lz-muted">无</span>}
      </Field>
    </dl>
  );
}
