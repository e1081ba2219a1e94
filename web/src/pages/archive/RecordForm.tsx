// 新增 / 编辑 a record: the form is generated from the category's fields (DatePicker for dates, a two-decimal
// InputNumber for money, Select for choices, 是/否 for yes-no, TextArea for long texts) plus the materials catalogue.
// An edit sends the version it was opened with; when someone saved in between, the server refuses
// (VERSION_CONFLICT): the user's input stays in the form, the server's message and the newer version (fetched
// fresh) are shown beside it, and the user either loads the newer version or saves their input on top of it.
import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert, App as AntApp, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Tag, Tooltip,
} from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, errorText, gql } from '../../api/graphql';
import { invalidate } from '../../api/query';
import { categoryNumeral, formatTime, formatValue, STATUS_TAGS } from './format';
import type { ArchiveDocs } from './queries';
import { fetchRecord, isConflict, REVIEW_QUEUE } from './recordOps';
import type { ArchiveRecord, Category, FieldSpec, FieldValue, FieldValues, Material } from './types';

type FormValue = string | number | boolean | Dayjs | null | undefined;
/** `id`: an entry already saved (sent back so the server keeps it, and its scan, in place). */
interface MaterialValues { id?: string; name?: string; formedOn?: Dayjs | null; pages?: number | null }
type Values = Record<string, FormValue> & { materials?: MaterialValues[] };

const DATE = 'YYYY-MM-DD';
const CHOOSE: FieldSpec['type'][] = ['enum', 'date', 'year', 'bool'];
/**
 * Fields the server fills in when left empty (the API marks them optional although the record always has them):
 * say so in the placeholder.
 */
const DERIVED_HINTS: Record<string, string> = {
  'sanction.form': '不填则按处理（处分）种类确定',
  'sanction.influenceMonths': '不填则按规定期限确定',
};

/** 「上交（退还）对象」 → 「上交对象」 for placeholders. */
const shortLabel = (label: string) => label.replace(/（[^）]*）|\([^)]*\)/g, '');

// ---------- Values: API ↔ form ----------

function toFormValue(f: FieldSpec, v: FieldValue): FormValue {
  if (v === null || v === undefined || v === '') return undefined;
  if (f.type === 'date') return dayjs(String(v), DATE);
  if (f.type === 'year') return dayjs(`${v}-01-01`, DATE);
  return v;
}

/** "860" → "860.00"; anything odd is sent as typed and the server explains. */
function decimalText(v: FormValue): string | null {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v).trim();
  if (/^\d+$/.test(s)) return `${s}.00`;
  if (/^\d+\.\d$/.test(s)) return `${s}0`;
  return s;
}

function fromFormValue(f: FieldSpec, v: FormValue): FieldValue {
  if (v === null || v === undefined || v === '') return null;
  switch (f.type) {
    case 'date': return dayjs.isDayjs(v) ? v.format(DATE) : String(v);
    case 'year': return dayjs.isDayjs(v) ? v.year() : Number(v);
    case 'money': case 'decimal': return decimalText(v);
    case 'int': return Number(v);
    case 'bool': return !!v;
    case 'text': case 'longtext': {
      const s = String(v).trim();
      return s || null;
    }
    default: return v as FieldValue;
  }
}

export function initialValues(cat: Category, record?: Pick<ArchiveRecord, 'fields' | 'materials'>): Values {
  const values: Values = {};
  for (const f of cat.fields) values[f.name] = toFormValue(f, record?.fields[f.name] ?? null);
  values.materials = (record?.materials ?? []).map((m) => ({
    id: m.id, name: m.name, formedOn: m.formedOn ? dayjs(m.formedOn, DATE) : null, pages: m.pages ?? null,
  }));
  return values;
}

function fieldsOf(cat: Category, values: Values): FieldValues {
  return Object.fromEntries(cat.fields.map((f) => [f.name, fromFormValue(f, values[f.name])]));
}

function materialsOf(values: Values): Material[] {
  return (values.materials ?? [])
    .filter((m) => m && (m.name ?? '').trim())
    .map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      name: (m.name ?? '').trim(),
      formedOn: m.formedOn && dayjs.isDayjs(m.formedOn) ? m.formedOn.format(DATE) : null,
      pages: m.pages === null || m.pages === undefined || (m.pages as unknown) === '' ? null : Number(m.pages),
    }));
}

const materialsText = (ms: Material[]) =>
  ms.map((m) => `${m.name}（${m.formedOn ?? '—'}，${m.pages ?? '—'}页）`).join('；');

// ---------- Controls ----------

function rulesFor(f: FieldSpec): Rule[] {
  const rules: Rule[] = [];
  if (f.required) {
    const verb = CHOOSE.includes(f.type) ? '请选择' : '请填写';
    rules.push(f.type === 'text' || f.type === 'longtext'
      ? { required: true, whitespace: true, message: `${verb}${f.label}` }
      : { required: true, message: `${verb}${f.label}` });
  }
  if ((f.type === 'text' || f.type === 'longtext') && f.max) rules.push({ max: f.max, message: `${f.label}最长 ${f.max} 个字符` });
  return rules;
}

/** The control of one field; Form.Item hands it value, onChange and id, passed on to the antd control. */
function FieldControl({ f, hint, ...injected }: { f: FieldSpec; hint?: string; [prop: string]: any }) {
  const common = { ...injected, 'data-testid': `rf-${f.name}` };
  switch (f.type) {
    case 'date':
      return <DatePicker {...common} className="lz-full" format={DATE} placeholder="请选择日期" />;
    case 'year':
      return <DatePicker {...common} className="lz-full" picker="year" format="YYYY年" placeholder="请选择年度" />;
    case 'enum':
      return (
        <Select
          {...common}
          placeholder={hint ?? '请选择'}
          allowClear={!f.required}
          options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
        />
      );
    case 'bool':
      return <Radio.Group {...common} options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />;
    case 'money':
      return <InputNumber<string> {...common} className="lz-full" stringMode precision={2} min="0" max="999999999999.99" placeholder="0.00" />;
    case 'decimal':
      return <InputNumber<string> {...common} className="lz-full" stringMode precision={2} min="0" max="99999.99" placeholder="0.00" />;
    case 'int':
      return <InputNumber<number> {...common} className="lz-full" precision={0} min={0} max={1_000_000} placeholder={hint ?? '0'} />;
    case 'longtext':
      return <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={f.max ?? 4000} showCount placeholder={`请输入${shortLabel(f.label)}`} />;
    default:
      return <Input {...common} maxLength={f.max ?? 200} placeholder={`请输入${shortLabel(f.label)}`} />;
  }
}

function MaterialsEditor() {
  return (
    <Form.List name="materials">
      {(items, { add, remove }) => (
        <div className="lz-materials-editor" data-testid="materials-editor">
          <table className="lz-materials lz-materials-edit">
            <colgroup>
              <col style={{ width: 52 }} />
              <col />
              <col style={{ width: 156 }} />
              <col style={{ width: 108 }} />
              <col style={{ width: 56 }} />
            </colgroup>
            <thead>
              <tr>
                <th>序号</th>
                <th><span className="lz-req">*</span>材料名称</th>
                <th>形成时间</th>
                <th>页数</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={item.key} data-testid="material-edit-row">
                  <td className="lz-center">{i + 1}</td>
                  <td>
                    <Form.Item name={[item.name, 'id']} hidden noStyle><Input type="hidden" /></Form.Item>
                    <Form.Item
                      name={[item.name, 'name']}
                      className="lz-cell-item"
                      rules={[{ required: true, whitespace: true, message: '请填写材料名称' }, { max: 200, message: '材料名称最长 200 个字符' }]}
                    >
                      <Input maxLength={200} placeholder="如：上交礼金登记表" data-testid="material-name" />
                    </Form.Item>
                  </td>
                  <td>
                    <Form.Item name={[item.name, 'formedOn']} className="lz-cell-item">
                      <DatePicker className="lz-full" format={DATE} placeholder="选择日期" data-testid="material-date" />
                    </Form.Item>
                  </td>
                  <td>
                    <Form.Item name={[item.name, 'pages']} className="lz-cell-item">
                      <InputNumber<number> className="lz-full" min={0} max={100000} precision={0} placeholder="页" data-testid="material-pages" />
                    </Form.Item>
                  </td>
                  <td className="lz-center">
                    <Tooltip title="删除此条">
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="删除此条" />
                    </Tooltip>
                  </td>
                </tr>
              ))}
              {!items.length && (
                <tr>
                  <td colSpan={5} className="lz-center lz-muted lz-materials-empty">暂无材料，可点击下方「添加材料」登记纸质或扫描材料</td>
                </tr>
              )}
            </tbody>
          </table>
          <Button
            type="dashed"
            size="small"
            icon={<PlusOutlined />}
            className="lz-material-add"
            onClick={() => add({ name: '', formedOn: null, pages: null })}
            data-testid="material-add"
          >
            添加材料
          </Button>
        </div>
      )}
    </Form.List>
  );
}

// ---------- The newer version, beside the form ----------

/** Who made the newer version and how: a review (accepted or returned) stamps reviewedAt with the version's time. */
function lastChange(r: ArchiveRecord): string {
  const reviewed = r.reviewedAt && r.reviewedBy && Date.parse(r.reviewedAt) >= Date.parse(r.updatedAt);
  if (reviewed) return `${r.reviewedBy} ${r.status === 'returned' ? '退回' : '审核通过'}于 ${formatTime(r.reviewedAt)}`;
  return `${r.updatedBy ?? r.enteredBy} 修改于 ${formatTime(r.updatedAt)}`;
}

function LatestPanel({ cat, latest, form }: { cat: Category; latest: ArchiveRecord; form: FormInstance<Values> }) {
  const watched = Form.useWatch((v: Values) => v, form) as Values | undefined;
  const mine = watched ? fieldsOf(cat, watched) : null;
  const mineMaterials = watched ? materialsText(materialsOf(watched)) : null;
  const status = STATUS_TAGS[latest.status];
  const rows: { key: string; label: string; value: string; differs: boolean }[] = cat.fields.map((f) => {
    const value = formatValue(f, latest.fields[f.name]);
    return { key: f.name, label: f.label, value, differs: !!mine && formatValue(f, mine[f.name]) !== value };
  });
  const latestMaterials = materialsText(latest.materials);
  rows.push({ key: 'materials', label: '材料目录', value: latestMaterials, differs: mineMaterials !== null && mineMaterials !== latestMaterials });
  const diffCount = rows.filter((r) => r.differs).length;
  return (
    <div className="lz-latest" data-testid="record-conflict-latest">
      <div className="lz-latest-head">
        <div className="lz-latest-title">
          最新版本 · 第 {latest.version} 版
          <Tag color={status.color} className="lz-latest-tag">{status.text}</Tag>
        </div>
        <div className="lz-latest-sub">
          {lastChange(latest)}
          {diffCount > 0 ? <span className="lz-latest-diffs">，{diffCount} 项与您的填写不同</span> : '，与您的填写一致'}
        </div>
      </div>
      <dl className="lz-latest-list">
        {rows.map((r) => (
          <div key={r.key} className={`lz-latest-row${r.differs ? ' lz-latest-diff' : ''}`}>
            <dt>{r.label}</dt>
            <dd data-testid={`latest-${r.key}`}>{r.value || <span className="lz-muted">（空）</span>}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

// ---------- The modal ----------

export interface RecordFormProps {
  mode: 'create' | 'edit';
  category: Category;
  cadre: { id: string; name: string };
  /** The record as loaded (edit). */
  record?: ArchiveRecord;
  docs: ArchiveDocs;
  /** The user's entries need an officer's review (a filler). */
  needsReview: boolean;
  onClose(): void;
  onSaved(r: ArchiveRecord): void;
}

export function RecordForm({ mode, category, cadre, record, docs, needsReview, onClose, onSaved }: RecordFormProps) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const initial = useMemo(() => initialValues(category, record), [category, record]);
  /** The version this edit is based on: the loaded one, or the newer one the user chose to build on. */
  const [base, setBase] = useState<ArchiveRecord | undefined>(record);
  const [conflict, setConflict] = useState<{ message: string; latest: ArchiveRecord | null } | null>(null);
  const [rebased, setRebased] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    setError(null);
    const variables = { fields: { [category.key]: fieldsOf(category, values) }, materials: materialsOf(values) };
    try {
      if (mode === 'create') {
        const d = await gql<{ createRecord: unknown }>(docs.create, { cadreId: cadre.id, category: category.id, ...variables });
        if (!d.createRecord) throw new ApiError('干部不存在或不在可见范围内', 'NOT_FOUND');
        void invalidate(REVIEW_QUEUE);
        onSaved(docs.normalize(d.createRecord));
      } else {
        const d = await gql<{ updateRecord: unknown }>(docs.update, { id: record!.id, version: base!.version, ...variables });
        if (!d.updateRecord) throw new ApiError('记录不存在或不在可见范围内', 'NOT_FOUND');
        void invalidate(REVIEW_QUEUE);
        onSaved(docs.normalize(d.updateRecord));
      }
    } catch (e) {
      if (isConflict(e) && record) {
        // Keep everything typed; show what the record is now.
        const latest = await fetchRecord(docs, record.id).catch(() => null);
        setConflict({ message: errorText(e), latest });
        setRebased(false);
      } else {
        setError(errorText(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const loadLatest = () => {
    if (!conflict?.latest) return;
    form.setFieldsValue(initialValues(category, conflict.latest));
    setBase(conflict.latest);
    message.info(`已载入第 ${conflict.latest.version} 版`);
    setConflict(null);
  };

  const keepMine = () => {
    if (!conflict?.latest) return;
    setBase(conflict.latest);
    setRebased(true);
    setConflict(null);
  };

  const pendingWarning = (() => {
    if (!needsReview) return null;
    if (mode === 'create') return '您录入的记录须经纪检干部审核通过后生效，审核前状态为「待审核」。';
    if (record?.status === 'accepted') return '该记录已审核。修改保存后将重新提交审核，审核前状态为「待审核」。';
    return '保存后记录将重新提交审核。';
  })();

  const titleText = `${mode === 'create' ? '新增' : '编辑'}记录 · ${categoryNumeral(category.id)}、${category.short}`;
  const wide = !!conflict?.latest;

  // One tree in both states, so the form (and what the user typed) is never remounted.
  const body: ReactNode = (
    <div className={wide ? 'lz-conflict-layout' : undefined}>
      <div className={wide ? 'lz-conflict-mine' : undefined}>
        {wide && <div className="lz-conflict-col-title">您的填写（未保存）</div>}
        <Form<Values>
          form={form}
          name="record"
          layout="horizontal"
          labelCol={{ flex: '160px' }}
          wrapperCol={{ flex: '1 1 0' }}
          labelWrap
          initialValues={initial}
          autoComplete="off"
          className="lz-record-form"
          data-testid="record-form"
          onValuesChange={() => error && setError(null)}
        >
          <Row gutter={16}>
            {category.fields.map((f) => (
              <Col key={f.name} span={f.wide || f.type === 'longtext' ? 24 : 12}>
                <Form.Item label={f.label} name={f.name} rules={rulesFor(f)}>
                  <FieldControl f={f} hint={DERIVED_HINTS[`${category.key}.${f.name}`]} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <div className="lz-form-section">
            <span className="lz-section-title">材料目录</span>
            <span className="lz-muted lz-form-section-hint">登记本记录所附纸质或扫描材料：名称、形成时间、页数</span>
          </div>
          <MaterialsEditor />
        </Form>
      </div>
      {wide && <LatestPanel cat={category} latest={conflict!.latest!} form={form} />}
    </div>
  );

  return (
    <Modal
      open
      title={
        <div>
          <div>{titleText}</div>
          <div className="lz-modal-sub">{cadre.name} · {category.title}</div>
        </div>
      }
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={wide ? 1320 : 960}
      className="lz-record-modal"
      okButtonProps={{ 'data-testid': 'record-form-ok' }}
      cancelButtonProps={{ 'data-testid': 'record-form-cancel' }}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      {record?.status === 'returned' && record.returnReason && !conflict && (
        <Alert
          type="error"
          showIcon
          className="lz-form-alert"
          title={`已退回：${record.returnReason}`}
          description={record.reviewedBy ? `退回人：${record.reviewedBy}　${formatTime(record.reviewedAt)}` : undefined}
        />
      )}
      {pendingWarning && !conflict && <Alert type="info" showIcon className="lz-form-alert" title={pendingWarning} />}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          className="lz-form-alert"
          data-testid="record-conflict"
          title={conflict.message}
          description={
            conflict.latest
              ? '您的填写仍保留在左侧，没有丢失；右侧为最新版本，与您的填写不同之处已标出。核对后可「载入最新版本」（放弃您的填写），或「以我的填写为准」在最新版本基础上保存。'
              : '最新版本暂时无法读取，您的填写仍保留在表单中。请稍后重试。'
          }
          action={
            conflict.latest ? (
              <Space orientation="vertical" size={6}>
                <Button size="small" type="primary" onClick={loadLatest} data-testid="record-load-latest">载入最新版本</Button>
                <Button size="small" onClick={keepMine} data-testid="record-keep-mine">以我的填写为准</Button>
              </Space>
            ) : undefined
          }
        />
      )}
      {rebased && base && (
        <Alert
          type="info"
          showIcon
          className="lz-form-alert"
          data-testid="record-rebased"
          title={`将以您的填写覆盖第 ${base.version} 版，点击「保存」后生效。`}
        />
      )}
      {error && <Alert type="error" showIcon className="lz-form-alert" title={error} data-testid="record-form-error" />}
      {body}
    </Modal>
  );
}
