// 颜色方案: the tenant's colour levels (3–5, most severe first, names and colours its own), the default influence
// periods by sanction kind and measure, and the disposition each colour calls for. Inherited whole by the tenants
// below that have none of their own (docs/warning-rules.md#scheme-颜色方案).
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, ColorPicker, Divider, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { invalidate } from '../../api/query';
import { UpdateWarningSchemeDocument, WarningRulesDocument, WarningSchemeDocument, type WarningRuleOptions, type WarningSchemeData } from './ruleQueries';
import { ColourTag } from './ColourTag';

interface SchemeValues {
  levels: { code: string; name: string; hex: string; description?: string | null }[];
  influence: { kind?: string | null; measure: string; months: number }[];
  dispositions: { level: string; kind: string; title: string; rectifyWorkingDays: number }[];
}

const DISPOSITION_KINDS = [
  { value: 'reminder', label: '提醒类（警示提醒）' }, { value: 'admonish', label: '诫勉类（警示诫勉书）' },
  { value: 'accountability', label: '追究类（警示追究书）' },
];

const valuesOf = (s: WarningSchemeData): SchemeValues => ({
  levels: [...s.levels].sort((a, b) => b.rank - a.rank).map((l) => ({ code: l.code, name: l.name, hex: l.hex, description: l.description })),
  influence: s.influence.map((d) => ({ kind: d.kind, measure: d.measure, months: d.months })),
  dispositions: s.dispositions.map((d) => ({ level: d.level, kind: d.kind, title: d.title, rectifyWorkingDays: d.rectifyWorkingDays })),
});

export function SchemeEditor({ tenantCode, scheme, options, onSaved }: { tenantCode: string; scheme: WarningSchemeData; options: WarningRuleOptions; onSaved(): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SchemeValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const levels = Form.useWatch('levels', form) ?? [];
  const editable = scheme.canEdit;

  useEffect(() => { form.setFieldsValue(valuesOf(scheme)); setDirty(false); }, [form, scheme]);

  const save = async () => {
    let v: SchemeValues;
    try {
      v = await form.validateFields();
      v = { ...form.getFieldsValue(true), ...v } as SchemeValues;
    } catch {
      return;
    }
    setSaving(true);
    try {
      const d = await gql(UpdateWarningSchemeDocument, {
        tenantCode,
        input: {
          levels: v.levels.map((l) => ({ code: l.code.trim(), name: l.name.trim(), hex: l.hex, description: l.description?.trim() || null })),
          influence: v.influence.map((x) => ({ kind: x.kind || null, measure: x.measure, months: x.months })),
          dispositions: v.dispositions,
        },
      });
      message.success(`颜色方案已保存为第 ${d.updateWarningScheme.version} 版，预警已重新计算`);
      void invalidate(WarningSchemeDocument, WarningRulesDocument);
      onSaved();
    } catch (e) {
      message.error(errorText(e, '保存失败'));
    } finally {
      setSaving(false);
    }
  };

  const measureOpts = options.sanctionMeasures.map((o) => ({ value: o.code, label: o.label }));
  const kindOpts = options.sanctionKinds.map((o) => ({ value: o.code, label: o.label }));
  const levelOpts = levels.filter((l) => l?.code).map((l) => ({ value: l.code, label: <ColourTag name={l.name || l.code} hex={l.hex || '#8c8c8c'} /> }));

  return (
    <div data-testid="scheme-editor">
      <Alert
        type="info" showIcon className="lz-form-alert"
        title={<>当前方案：第 {scheme.version} 版 · <Tag>{scheme.source}</Tag>保存后成为本机构自己的方案，并作用于未另定方案的下级机构。颜色等级按严重程度从高到低排列，可设 3–5 级。</>}
      />
      {editable && (
        <Card size="small" className="lz-scheme-actions">
          <Space>
            <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={() => { form.setFieldsValue(valuesOf(scheme)); setDirty(false); }}>撤销修改</Button>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()} data-testid="scheme-save">保存颜色方案</Button>
            {dirty && <span className="lz-dirty-hint">有未保存的修改</span>}
          </Space>
        </Card>
      )}
      <Form form={form} layout="vertical" disabled={!editable} onValuesChange={() => setDirty(true)}>
        <Divider titlePlacement="start" plain>颜色等级（由重到轻）</Divider>
        <Form.List name="levels">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap className="lz-scheme-level" data-testid="scheme-level">
                  <span className="lz-muted">第 {i + 1} 级</span>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写名称' }, { max: 10 }]}>
                    <Input placeholder="名称，如 红" style={{ width: 100 }} maxLength={10} data-testid="scheme-level-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '请填写代码' }, { pattern: /^[a-z][a-z0-9_]{0,19}$/, message: '小写字母开头' }]}>
                    <Input placeholder="代码，如 red" style={{ width: 110 }} disabled={!editable || !!scheme.levels.find((l) => l.code === levels[i]?.code)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hex']} rules={[{ required: true }]} getValueFromEvent={(c: { toHexString(): string }) => c.toHexString()}>
                    <ColorPicker showText disabledAlpha format="hex" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} rules={[{ max: 100 }]}>
                    <Input placeholder="说明（图例）" style={{ width: 260 }} maxLength={100} />
                  </Form.Item>
                  <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 3} onClick={() => remove(f.name)} aria-label="删除等级" />
                </Space>
              ))}
              <div>
                <Button icon={<PlusOutlined />} disabled={fields.length >= 5} onClick={() => add({ code: '', name: '', hex: '#52c41a' })} data-testid="scheme-add-level">
                  添加等级
                </Button>
              </div>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>各颜色的处置方式</Divider>
        <Form.List name="dispositions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'level']} rules={[{ required: true, message: '请选择颜色' }]}>
                    <Select options={levelOpts} style={{ width: 110 }} placeholder="颜色" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写文书名称' }, { max: 30 }]}>
                    <Input placeholder="文书名称，如 警示提醒" style={{ width: 170 }} maxLength={30} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择类别' }]}>
                    <Select options={DISPOSITION_KINDS} style={{ width: 190 }} placeholder="处置类别" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'rectifyWorkingDays']} rules={[{ required: true, message: '请填写期限' }]}>
                    <InputNumber min={1} max={365} precision={0} addonBefore="整改期限" addonAfter="个工作日" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除处置方式" />
                </Space>
              ))}
              <div>
                <Button icon={<PlusOutlined />} disabled={fields.length >= levels.length} onClick={() => add({ kind: 'reminder', rectifyWorkingDays: 15 })}>添加处置方式</Button>
              </div>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start" plain>默认影响期（记录未写明影响期时适用）</Divider>
        <Form.List name="influence">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small" bordered pagination={false} rowKey="key" dataSource={fields} className="lz-influence-table"
                columns={[
                  { title: '处理处分类别', key: 'kind', width: 200, render: (_v, f) => (
                    <Form.Item name={[f.name, 'kind']} noStyle><Select allowClear options={kindOpts} placeholder="不限类别" style={{ width: '100%' }} /></Form.Item>
                  ) },
                  { title: '处理（处分）种类', key: 'measure', render: (_v, f) => (
                    <Form.Item name={[f.name, 'measure']} noStyle rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={measureOpts} style={{ width: '100%' }} /></Form.Item>
                  ) },
                  { title: '影响期', key: 'months', width: 150, render: (_v, f) => (
                    <Form.Item name={[f.name, 'months']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={240} precision={0} addonAfter="个月" /></Form.Item>
                  ) },
                  { title: '', key: 'op', width: 48, render: (_v, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除" /> },
                ]}
              />
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: null, months: 12 })} className="lz-influence-add">添加默认影响期</Button>
            </>
          )}
        </Form.List>
      </Form>
    </div>
  );
}
