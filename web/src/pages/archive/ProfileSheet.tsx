// 个人基本信息、任免情况 (category 1's first part): the whole appointment form read-only — every field, 简历,
// 任免情况 and 家庭主要成员及重要社会关系 — laid out as ruled tables, with the edit and history buttons.
import { useState } from 'react';
import { Button, Drawer, Empty, Space, Timeline, Typography } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import './profile.css';
import { PROFILE_FIELDS, PROFILE_GROUPS, type CadreProfile } from './profile';
import { formatMonth as month } from '../../components/format';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? <span className="lz-sheet-empty">—</span> : String(v));
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

export function ProfileSheet({ profile, canEdit, onEdit }: { profile: CadreProfile; canEdit: boolean; onEdit(): void }) {
  const [history, setHistory] = useState(false);
  return (
    <div className="lz-profile" data-testid="profile-sheet">
      <div className="lz-profile-bar lz-no-print">
        <Typography.Text type="secondary">第 {profile.version} 版</Typography.Text>
        <Space>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(true)} data-testid="profile-history">变更历史</Button>
          {canEdit && <Button size="small" type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="profile-edit">编辑基本信息</Button>}
        </Space>
      </div>

      {PROFILE_GROUPS.map((g) => (
        <section key={g.key} className="lz-profile-section">
          <h4 className="lz-profile-title">{g.title}</h4>
          <table className="lz-sheet-table">
            <tbody>
              {pairs(PROFILE_FIELDS.filter((f) => f.group === g.key && f.name !== 'sortOrder')).map((row, i) => (
                <tr key={i}>
                  {row.map((f) => (
                    <FieldCells key={f.name} label={f.label} value={f.kind === 'month' || f.kind === 'partyJoin' ? month(profile[f.name] as string) : profile[f.name]}
                      wide={f.kind === 'longtext'} testId={`profile-${f.name}`} />
                  ))}
                </tr>
              ))}
              {g.key === 'basic' && (
                <tr>
                  <th>公民身份号码</th>
                  <td colSpan={3} className="lz-nums" data-testid="profile-idNumber">
                    {show(profile.idNumber)}{profile.idNumber && profile.idNumberMasked && <span className="lz-muted">（已脱敏）</span>}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      ))}

      <section className="lz-profile-section">
        <h4 className="lz-profile-title">简　历</h4>
        {profile.resume.length ? (
          <table className="lz-sheet-table lz-rows-table" data-testid="profile-resume">
            <tbody>
              {profile.resume.map((r, i) => (
                <tr key={i}><td className="lz-nums lz-resume-when">{month(r.startMonth)}—{r.endMonth ? month(r.endMonth) : ''}</td><td>{r.content}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无相关记录" />}
      </section>

      <section className="lz-profile-section">
        <h4 className="lz-profile-title">任免情况</h4>
        {profile.appointments.length ? (
          <table className="lz-sheet-table lz-rows-table" data-testid="profile-appointments">
            <thead><tr><th>日期</th><th>类别</th><th>职务</th><th>批准机关</th><th>文号</th></tr></thead>
            <tbody>
              {profile.appointments.map((a, i) => (
                <tr key={i}><td className="lz-nums">{a.decidedOn}</td><td>{a.kind}</td><td>{a.position}</td><td>{show(a.approver)}</td><td>{show(a.documentNo)}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无相关记录" />}
      </section>

      <section className="lz-profile-section">
        <h4 className="lz-profile-title">家庭主要成员及重要社会关系</h4>
        {profile.family.length ? (
          <table className="lz-sheet-table lz-rows-table" data-testid="profile-family">
            <thead><tr><th>称谓</th><th>姓名</th><th>出生年月</th><th>政治面貌</th><th>工作单位及职务</th></tr></thead>
            <tbody>
              {profile.family.map((m, i) => (
                <tr key={i}><td>{m.relation}</td><td>{m.name}</td><td className="lz-nums">{show(month(m.birthMonth))}</td><td>{show(m.politicalStatus)}</td><td>{show(m.workPosition)}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无相关记录" />}
      </section>

      <Drawer title="基本信息变更历史" open={history} onClose={() => setHistory(false)} size={520} data-testid="profile-history-drawer">
        <Timeline
          items={profile.history.map((h) => ({
            content: (
              <div className="lz-history-item">
                <div><b>{h.action === 'create' ? '建档' : '修改'}</b>　{h.actorName}　<span className="lz-muted">{when(h.at)}（第 {h.version} 版）</span></div>
                {h.changes.map((c, i) => (
                  <div key={i} className="lz-history-change">{c.label}：<s>{c.from ?? '空'}</s> → {c.to ?? '空'}</div>
                ))}
              </div>
            ),
          }))}
        />
      </Drawer>
    </div>
  );
}

function FieldCells({ label, value, wide, testId }: { label: string; value: unknown; wide: boolean; testId: string }) {
  return (
    <>
      <th>{label}</th>
      <td colSpan={wide ? 3 : 1} data-testid={testId}>{show(value)}</td>
    </>
  );
}

/** Two fields per row; a long text takes a whole row. */
function pairs<T extends { kind: string }>(fields: T[]): T[][] {
  const rows: T[][] = [];
  let cur: T[] = [];
  for (const f of fields) {
    if (f.kind === 'longtext') {
      if (cur.length) rows.push(cur);
      rows.push([f]);
      cur = [];
    } else {
      cur.push(f);
      if (cur.length === 2) { rows.push(cur); cur = []; }
    }
  }
  if (cur.length) rows.push(cur);
  return rows;
}
