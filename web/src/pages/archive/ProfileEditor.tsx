// 编辑基本信息: every field of the appointment form (code fields pick from the national tables by pinyin initials),
// the ID number, and the 简历 / 任免情况 / 家庭成员 rows. Saves with the version it opened; when someone saved in
// between, the server's conflict message is shown and the input is kept.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tabs } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, errorText } from '../../api/graphql';
import { useGqlMutation } from '../../api/query';
import { CodeSelect } from '../../components/CodeSelect';
import { STORED_MONTH } from '../../components/format';
import { MonthField } from '../../components/MonthField';
import type { CadrePatch } from '../../gql/graphql';
import { CadresDocument } from '../cadres/queries';
import { CadreProfileDocument, PROFILE_FIELDS, PROFILE_GROUPS, UpdateCadreDocument, type CadreProfile, type ProfileField } from './profile';

const monthRule = (label: string) => ({ pattern: new RegExp(`^$|${STORED_MONTH.source}`), message: `请选择${label}` });

/** 入党时间: a month (picked), or for a member of a democratic party the party's name (typed). */
function PartyJoinField({ value, onChange, id, max }: { value?: string; onChange?: (v: string) => void; id: string; max?: number }) {
  const [party, setParty] = useState(() => !!value && !STORED_MONTH.test(value));
  return (
    <Space.Compact style={{ width: '100%' }}>
      {party
        ? <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} maxLength={max} placeholder="民主党派名称，如 民盟" />
        : <MonthField id={id} value={value} onChange={onChange} />}
      <Button data-testid="party-join-mode" onClick={() => { setParty(!party); onChange?.(''); }}>{party ? '填年月' : '民主党派'}</Button>
    </Space.Compact>
  );
}

/** GB 11643: 17 digits and a check character. */
export function idNumberOk(v: string): boolean {
  const s = v.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return '10X98765432'[w.reduce((a, x, i) => a + x * Number(s[i]), 0) % 11] === s[17];
}

/** The control of one field; Form.Item's value and onChange pass straight through to it (also the new-cadre form's). */
export function FieldInput({ f, ...control }: { f: ProfileField; value?: never; onChange?: never }) {
  const id = `profile-${f.name}`;
  if (f.kind === 'code') return <CodeSelect table={f.codes!} {...control} id={id} />;
  if (f.kind === 'int') return <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} {...control} id={id} />;
  if (f.kind === 'longtext') return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={f.max} showCount {...control} id={id} />;
  if (f.kind === 'month') return <MonthField {...control} id={id} />;
  if (f.kind === 'partyJoin') return <PartyJoinField {...control} id={id} max={f.max} />;
  return <Input maxLength={f.max ?? (f.kind === 'name' ? 50 : 200)} {...control} id={id} />;
}

export const rulesOf = (f: ProfileField) => [
  ...(f.kind === 'name' ? [{ required: true, whitespace: true, message: '请输入姓名' }] : []),
  ...(f.kind === 'month' ? [monthRule(f.label)] : []),
];

interface Values {
  [k: string]: unknown;
  idNumber?: string;
  resume?: { startMonth?: string; endMonth?: string; content?: string }[];
  appointments?: { kind?: string; position?: string; decidedOn?: Dayjs | null; approver?: string; documentNo?: string }[];
  family?: { relation?: string; name?: string; birthMonth?: string; politicalStatus?: string; workPosition?: string }[];
}

function initial(p: CadreProfile): Values {
  const v: Values = Object.fromEntries(PROFILE_FIELDS.map((f) => [f.name, p[f.name] ?? undefined]));
  v.idNumber = p.idNumberMasked ? undefined : p.idNumber ?? undefined;
  v.resume = p.resume.map((r) => ({ startMonth: r.startMonth, endMonth: r.endMonth ?? '', content: r.content }));
  v.appointments = p.appointments.map((a) => ({ ...a, decidedOn: dayjs(a.decidedOn), approver: a.approver ?? '', documentNo: a.documentNo ?? '' }));
  v.family = p.family.map((m) => ({ relation: m.relation, name: m.name, birthMonth: m.birthMonth ?? '', politicalStatus: m.politicalStatus ?? undefined, workPosition: m.workPosition ?? '' }));
  return v;
}

function toInput(v: Values, p: CadreProfile): CadrePatch {
  const input: Record<string, unknown> = {};
  for (const f of PROFILE_FIELDS) {
    const x = v[f.name];
    if (f.kind === 'int') { if (typeof x === 'number') input[f.name] = x; continue; }
    const s = x === undefined || x === null ? '' : String(x).trim();
    if (f.name === 'status' && !s) continue;
    if (s !== String(p[f.name] ?? '')) input[f.name] = s;
  }
  // The ID number: only officers see it in full; others may set one but never send the masked text back.
  if (!p.idNumberMasked && (v.idNumber ?? '') !== (p.idNumber ?? '')) input.idNumber = (v.idNumber ?? '').trim();
  if (p.idNumberMasked && v.idNumber) input.idNumber = v.idNumber.trim();
  input.resume = (v.resume ?? []).filter((r) => r?.startMonth || r?.content).map((r) => ({
    startMonth: (r.startMonth ?? '').trim(), endMonth: (r.endMonth ?? '').trim() || null, content: (r.content ?? '').trim(),
  }));
  input.appointments = (v.appointments ?? []).filter((a) => a?.position || a?.decidedOn).map((a) => ({
    kind: a.kind ?? '任职', position: (a.position ?? '').trim(), decidedOn: a.decidedOn ? a.decidedOn.format('YYYY-MM-DD') : '',
    approver: (a.approver ?? '').trim() || null, documentNo: (a.documentNo ?? '').trim() || null,
  }));
  input.family = (v.family ?? []).filter((m) => m?.name || m?.relation).map((m) => ({
    relation: (m.relation ?? '').trim(), name: (m.name ?? '').trim(), birthMonth: (m.birthMonth ?? '').trim() || null,
    politicalStatus: m.politicalStatus ?? null, workPosition: (m.workPosition ?? '').trim() || null,
  }));
  return input as CadrePatch;
}

/**
 * `onSaved(submitted)`: submitted is true when the edit went to review (a filler's: modules/inbox on the server) instead
 * of being saved.
 */
export function ProfileEditor({ profile, open, onClose, onSaved, reviewed = false }: {
  profile: CadreProfile; open: boolean; onClose(): void; onSaved(submitted: boolean): void;
  /** The caller's edits go to review: the button says so. */
  reviewed?: boolean;
}) {
  const [form] = Form.useForm<Values>();
  // The profile, the archive's head and the ledger row show these fields.
  const update = useGqlMutation(UpdateCadreDocument, { invalidates: [CadreProfileDocument, 'CadreArchive', CadresDocument] });
  const saving = update.isPending;
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      const r = await update.mutateAsync({ id: profile.id, version: profile.version, input: toInput(form.getFieldsValue(true) as Values, profile) });
      onSaved(r.updateCadre?.version === profile.version && r.updateCadre.openChange?.status === 'pending');
    } catch (e) {
      setError({ text: errorText(e), conflict: e instanceof ApiError && e.code === 'VERSION_CONFLICT' });
    }
  };

  const rows = (name: 'resume' | 'appointments' | 'family', render: (i: number) => React.ReactNode, blank: object, addText: string) => (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <div className="lz-rows-editor" data-testid={`edit-${name}`}>
          {items.map((it) => (
            <div key={it.key} className="lz-rows-line">
              {render(it.name)}
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(it.name)} aria-label="删除此行" />
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blank)} data-testid={`add-${name}`}>{addText}</Button>
        </div>
      )}
    </Form.List>
  );

  return (
    <Modal
      title={reviewed ? '编辑基本信息（提交审核）' : '编辑基本信息'}
      open={open}
      onCancel={onClose}
      width={920}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="s" type="primary" loading={saving} onClick={() => void save()} data-testid="profile-save">{reviewed ? '提交审核' : '保存'}</Button>,
      ]}
    >
      {reviewed && (
        <Alert type="info" showIcon className="lz-form-alert" data-testid="profile-review-note"
          title="您的修改将提交纪检干部审核，审核通过后生效；可在「我的填报」查看审核结果。" />
      )}
      {error && (
        <Alert type={error.conflict ? 'warning' : 'error'} showIcon className="lz-form-alert" data-testid="profile-error"
          title={error.text} description={error.conflict ? '您的输入仍保留在表单中；请关闭后刷新查看最新内容，再重新修改。' : undefined} />
      )}
      <Form form={form} layout="vertical" initialValues={initial(profile)} className="lz-profile-form" autoComplete="off">
        <Tabs
          items={[
            ...PROFILE_GROUPS.map((g) => ({
              key: g.key,
              label: g.title,
              forceRender: true,
              children: (
                <div className="lz-profile-grid">
                  {PROFILE_FIELDS.filter((f) => f.group === g.key).map((f) => (
                    <Form.Item key={f.name} name={f.name} label={f.label} rules={rulesOf(f)} className={f.kind === 'longtext' ? 'lz-span-2' : undefined}>
                      <FieldInput f={f} />
                    </Form.Item>
                  ))}
                  {g.key === 'basic' && (
                    <Form.Item name="idNumber" label="公民身份号码" className="lz-span-2"
                      extra={profile.idNumberMasked && profile.idNumber ? `已登记（${profile.idNumber}）；如需更正请输入完整号码` : undefined}
                      rules={[{ validator: (_r, v: string | undefined) => (!v || idNumberOk(v) ? Promise.resolve() : Promise.reject(new Error('公民身份号码无效（18 位，校验码须符合 GB 11643）'))) }]}>
                      <Input maxLength={18} id="profile-idNumber" placeholder="18 位公民身份号码" />
                    </Form.Item>
                  )}
                </div>
              ),
            })),
            {
              key: 'resume', label: '简历', forceRender: true,
              children: rows('resume', (i) => (
                <>
                  <Form.Item name={[i, 'startMonth']} rules={[{ required: true, message: '请选择起始年月' }, monthRule('起始年月')]} className="lz-w-month"><MonthField placeholder="起始年月" /></Form.Item>
                  <Form.Item name={[i, 'endMonth']} rules={[monthRule('截止年月')]} className="lz-w-month"><MonthField placeholder="止（空为至今）" /></Form.Item>
                  <Form.Item name={[i, 'content']} rules={[{ required: true, whitespace: true, message: '请输入简历内容' }]} className="lz-grow"><Input placeholder="单位及职务" maxLength={500} /></Form.Item>
                </>
              ), { startMonth: '', endMonth: '', content: '' }, '添加简历'),
            },
            {
              key: 'appointments', label: '任免情况', forceRender: true,
              children: rows('appointments', (i) => (
                <>
                  <Form.Item name={[i, 'kind']} className="lz-w-kind"><Select options={[{ value: '任职' }, { value: '免职' }]} /></Form.Item>
                  <Form.Item name={[i, 'decidedOn']} rules={[{ required: true, message: '任免日期' }]} className="lz-w-date"><DatePicker placeholder="任免日期" /></Form.Item>
                  <Form.Item name={[i, 'position']} rules={[{ required: true, whitespace: true, message: '请输入职务' }]} className="lz-grow"><Input placeholder="职务" maxLength={200} /></Form.Item>
                  <Form.Item name={[i, 'approver']} className="lz-w-mid"><Input placeholder="批准机关" maxLength={200} /></Form.Item>
                  <Form.Item name={[i, 'documentNo']} className="lz-w-mid"><Input placeholder="文号" maxLength={100} /></Form.Item>
                </>
              ), { kind: '任职' }, '添加任免记录'),
            },
            {
              key: 'family', label: '家庭成员', forceRender: true,
              children: rows('family', (i) => (
                <>
                  <Form.Item name={[i, 'relation']} rules={[{ required: true, whitespace: true, message: '称谓' }]} className="lz-w-kind"><Input placeholder="称谓" maxLength={20} /></Form.Item>
                  <Form.Item name={[i, 'name']} rules={[{ required: true, whitespace: true, message: '姓名' }]} className="lz-w-kind"><Input placeholder="姓名" maxLength={50} /></Form.Item>
                  <Form.Item name={[i, 'birthMonth']} rules={[monthRule('出生年月')]} className="lz-w-month"><MonthField placeholder="出生年月" /></Form.Item>
                  <Form.Item name={[i, 'politicalStatus']} className="lz-w-mid"><CodeSelect table="political_status" placeholder="政治面貌" /></Form.Item>
                  <Form.Item name={[i, 'workPosition']} className="lz-grow"><Input placeholder="工作单位及职务" maxLength={200} /></Form.Item>
                </>
              ), {}, '添加家庭成员'),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
