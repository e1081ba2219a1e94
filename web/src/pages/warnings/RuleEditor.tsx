// The rule editor (docs/warning-rules.md): one form per rule kind — selects from the code tables, numbers for months,
// counts and amounts, a negative-list item editor with weights and score thresholds — a 预览 that shows what saving
// would do (「此修改将使 12 人变为橙色」) and 保存, which writes a new version and recomputes the warnings.
import { useEffect, useMemo, useState } from 'react';
import {
  Alert, App as AntApp, Button, Card, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Tag,
} from 'antd';
import { DeleteOutlined, EyeOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { invalidate } from '../../api/query';
import type { RuleKind } from '@shared/warnings';
import { blankDefinition, fromDefinition, toDefinition, type RuleFormValues } from './ruleForm';
import {
  PreviewWarningRuleDocument, UpsertWarningRuleDocument, WarningRuleHistoryDocument, WarningRulesDocument,
  type CodeOption, type WarningRuleOptions, type WarningRulePreview, type WarningRuleRow, type WarningSchemeData,
} from './ruleQueries';
import { ColourTag } from './ColourTag';

const opts = (list: readonly CodeOption[] | undefined) => (list ?? []).map((o) => ({ value: o.code, label: o.label }));

/** Forms, kinds and measures of category-10 records (absent: any). */
function MatchFields({ name, options }: { name: (string | number)[]; options: WarningRuleOptions }) {
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item name={[...name, 'forms']} label="四种形态" tooltip="不选为不限">
          <Select mode="multiple" allowClear options={opts(options.sanctionForms)} placeholder="不限" data-testid="rule-forms" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={[...name, 'kinds']} label="处理处分类别" tooltip="不选为不限">
          <Select mode="multiple" allowClear options={opts(options.sanctionKinds)} placeholder="不限" optionFilterProp="label" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={[...name, 'measures']} label="处理（处分）种类" tooltip="不选为不限">
          <Select mode="multiple" allowClear options={opts(options.sanctionMeasures)} placeholder="不限" optionFilterProp="label" data-testid="rule-measures" />
        </Form.Item>
      </Col>
    </Row>
  );
}

const months = (label: string, name: (string | number)[], extra: { required?: boolean; tooltip?: string; testId?: string } = {}) => (
  <Form.Item name={name} label={label} tooltip={extra.tooltip} rules={extra.required ? [{ required: true, message: `请填写${label}` }] : []}>
    <InputNumber min={1} max={240} precision={0} addonAfter="个月" placeholder={extra.required ? undefined : '不计'} data-testid={extra.testId} />
  </Form.Item>
);

/** The kind's own fields. */
function DefinitionFields({ kind, options, levels }: { kind: RuleKind; options: WarningRuleOptions; levels: { value: string; label: string }[] }) {
  const form = Form.useFormInstance<RuleFormValues>();
  const category = Form.useWatch(['def', 'category'], form);
  const subject = Form.useWatch(['def', 'subject'], form);
  switch (kind) {
    case 'sanction':
      return (
        <>
          <MatchFields name={['def', 'match']} options={options} />
          {months('无影响期时按', ['def', 'fallbackMonths'], { tooltip: '记录没有影响期（如第一种形态）时，从决定（生效）之日起按此月数计；不填则不计', testId: 'rule-fallback' })}
        </>
      );
    case 'clue':
      return (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={['def', 'disposalModes']} label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
              <Select mode="multiple" options={opts(options.clueModes)} data-testid="rule-modes" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['def', 'statuses']} label="办理状态" tooltip="不选为不限">
              <Select mode="multiple" allowClear options={opts(options.clueStatuses)} placeholder="不限" />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'count':
      return (
        <>
          <MatchFields name={['def', 'match']} options={options} />
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name={['def', 'min']} label="次数达到" rules={[{ required: true, message: '请填写次数' }]}>
                <InputNumber min={2} max={100} precision={0} addonAfter="次及以上" />
              </Form.Item>
            </Col>
            <Col span={12}>{months('统计期间', ['def', 'windowMonths'], { required: true })}</Col>
          </Row>
        </>
      );
    case 'amount':
      return (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name={['def', 'category']} label="金额类别" rules={[{ required: true }]}>
                <Select options={opts(options.amountCategories)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['def', 'minAmount']} label="金额达到" rules={[{ required: true, message: '请填写金额' }]}>
                <InputNumber min={0.01} max={999999999999} precision={2} addonAfter="元" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          {category === 'gift' ? (
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name={['def', 'handlings']} label="处理方式" tooltip="不选为不限">
                  <Select mode="multiple" allowClear options={opts(options.giftHandlings)} placeholder="不限" />
                </Form.Item>
              </Col>
              <Col span={12}>{months('自收受（拒收）之日起', ['def', 'windowMonths'], { required: true })}</Col>
            </Row>
          ) : (
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name={['def', 'repayStatuses']} label="还款状态" rules={[{ required: true, message: '请选择还款状态' }]}>
                  <Select mode="multiple" options={opts(options.lendingStatuses)} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['def', 'directions']} label="借贷方向" tooltip="不选为不限">
                  <Select mode="multiple" allowClear options={opts(options.lendingDirections)} placeholder="不限" />
                </Form.Item>
              </Col>
            </Row>
          )}
        </>
      );
    case 'overdue':
      return (
        <>
          <Form.Item name={['def', 'subject']} label="逾期事项" rules={[{ required: true }]}>
            <Select options={opts(options.overdueSubjects)} />
          </Form.Item>
          {subject === 'personal_report' ? (
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name={['def', 'deadline']} label="报告截止日" rules={[{ required: true, pattern: /^\d{2}-\d{2}$/, message: '格式为 MM-DD，如 03-31' }]}>
                  <Input placeholder="03-31" maxLength={5} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['def', 'deadlineYearOffset']} label="截止年份" rules={[{ required: true }]}>
                  <Select options={[{ value: 0, label: '报告年度当年' }, { value: 1, label: '报告年度次年' }]} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['def', 'fromYear']} label="起始报告年度" rules={[{ required: true }]}>
                  <InputNumber min={2000} max={2100} precision={0} />
                </Form.Item>
              </Col>
            </Row>
          ) : subject === 'rectification' ? (
            <Form.Item name={['def', 'graceWorkingDays']} label="整改期满后宽限" rules={[{ required: true }]}>
              <InputNumber min={0} max={365} precision={0} addonAfter="个工作日" />
            </Form.Item>
          ) : (
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name={['def', 'disposalModes']} label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
                  <Select mode="multiple" options={opts(options.clueModes)} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['def', 'workingDays']} label="自受理之日起" rules={[{ required: true }]}>
                  <InputNumber min={1} max={365} precision={0} addonAfter="个工作日仍在办理" />
                </Form.Item>
              </Col>
            </Row>
          )}
        </>
      );
    case 'score':
      return <ScoreFields options={options} levels={levels} />;
  }
}

/** 负面清单: items with weights (each from records or clues), then the score thresholds per colour. */
function ScoreFields({ options, levels }: { options: WarningRuleOptions; levels: { value: string; label: string }[] }) {
  const form = Form.useFormInstance<RuleFormValues>();
  const items = Form.useWatch(['def', 'items'], form) ?? [];
  return (
    <>
      <Divider titlePlacement="start" plain>负面清单条目</Divider>
      <Form.List name={['def', 'items']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" className="lz-score-item" data-testid="score-item"
                title={`第 ${i + 1} 项`}
                extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除条目" />}>
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item name={[f.name, 'label']} label="条目名称" rules={[{ required: true, message: '请填写名称' }, { max: 50 }]}>
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'weight']} label="分值" rules={[{ required: true, message: '请填写分值' }]}>
                      <InputNumber min={1} max={100} precision={0} addonAfter="分" />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'source']} label="来源" rules={[{ required: true }]}>
                      <Select options={opts(options.scoreSources)} />
                    </Form.Item>
                  </Col>
                </Row>
                {items[i]?.source === 'clue' ? (
                  <Row gutter={12}>
                    <Col span={12}>
                      <Form.Item name={[f.name, 'disposalModes']} label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
                        <Select mode="multiple" options={opts(options.clueModes)} />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name={[f.name, 'statuses']} label="办理状态" tooltip="不选为不限">
                        <Select mode="multiple" allowClear options={opts(options.clueStatuses)} placeholder="不限" />
                      </Form.Item>
                    </Col>
                  </Row>
                ) : (
                  <>
                    <MatchFields name={[f.name, 'match']} options={options} />
                    {months('计分期间', [f.name, 'months'], { tooltip: '不填：按记录的影响期计分' })}
                  </>
                )}
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ label: '', weight: 1, source: 'sanction', match: {}, months: 12 })} data-testid="score-add-item">
              添加条目
            </Button>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start" plain>分数阈值（累计分数达到即为该颜色，取最高者）</Divider>
      <Form.List name={['def', 'thresholds']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" className="lz-threshold">
                <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: '请填写分数' }]}>
                  <InputNumber min={1} max={10000} precision={0} addonBefore="达到" addonAfter="分" />
                </Form.Item>
                <Form.Item name={[f.name, 'level']} rules={[{ required: true, message: '请选择颜色' }]}>
                  <Select options={levels} style={{ width: 120 }} placeholder="颜色" />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除阈值" />
              </Space>
            ))}
            <div><Button icon={<PlusOutlined />} onClick={() => add({ min: 10 })} disabled={fields.length >= levels.length}>添加阈值</Button></div>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The preview's answer: the sentence and the counts before → after per colour. */
export function PreviewResult({ preview }: { preview: WarningRulePreview }) {
  const levels = [...new Map([...preview.before, ...preview.after].map((b) => [b.level.code, b.level])).values()].sort((a, b) => b.rank - a.rank);
  const count = (list: WarningRulePreview['before'], code: string) => list.find((b) => b.level.code === code)?.count ?? 0;
  return (
    <Alert
      type={preview.changed ? 'warning' : 'info'}
      showIcon
      data-testid="rule-preview"
      title={<span data-testid="rule-preview-summary">{preview.summary}</span>}
      description={
        <div className="lz-preview-counts">
          <span className="lz-muted">截至 {preview.asOf}，涉及 {preview.tenantCount} 个机构：</span>
          {levels.length === 0 ? <span className="lz-muted">修改前后均无人预警</span> : levels.map((l) => (
            <span key={l.code} className="lz-preview-count">
              <ColourTag name={l.name} hex={l.hex} /> {count(preview.before, l.code)} → <b>{count(preview.after, l.code)}</b> 人
            </span>
          ))}
        </div>
      }
    />
  );
}

export interface RuleEditorProps {
  tenantCode: string;
  tenantName: string;
  /** The rule being edited; null for a new rule. */
  rule: WarningRuleRow | null;
  scheme: WarningSchemeData;
  options: WarningRuleOptions;
  onClose(): void;
}

export function RuleEditor({ tenantCode, tenantName, rule, scheme, options, onClose }: RuleEditorProps) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const kind = (Form.useWatch('kind', form) ?? rule?.kind ?? 'sanction') as RuleKind;
  const [preview, setPreview] = useState<WarningRulePreview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const levels = useMemo(() => scheme.levels.map((l) => ({ value: l.code, label: l.name })), [scheme]);

  const initial = useMemo<RuleFormValues>(() => (rule
    ? { code: rule.code, name: rule.name, kind: rule.kind as RuleKind, level: rule.levelCode, enabled: rule.enabled, note: '', def: fromDefinition(JSON.parse(rule.definition)) }
    : { code: '', name: '', kind: 'sanction', level: scheme.levels[1]?.code ?? scheme.levels[0]?.code, enabled: true, note: '', def: blankDefinition('sanction') }), [rule, scheme]);

  useEffect(() => { form.setFieldsValue(initial); }, [form, initial]);

  const input = async () => {
    const v = await form.validateFields();
    const all = { ...form.getFieldsValue(true), ...v } as RuleFormValues;
    return {
      code: all.code.trim().toUpperCase(), name: all.name.trim(), kind: all.kind, level: all.kind === 'score' ? null : all.level ?? null,
      enabled: all.enabled, note: all.note?.trim() || null, definition: JSON.stringify(toDefinition(all.kind, all.def ?? {})),
    };
  };

  const runPreview = async () => {
    setBusy('preview');
    try {
      const d = await gql(PreviewWarningRuleDocument, { tenantCode, input: await input() });
      setPreview(d.previewWarningRule);
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      message.error(errorText(e, '预览失败'));
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setBusy('save');
    try {
      const d = await gql(UpsertWarningRuleDocument, { tenantCode, input: await input() });
      message.success(`已保存为第 ${d.upsertWarningRule.version} 版，预警已重新计算`);
      void invalidate(WarningRulesDocument, WarningRuleHistoryDocument);
      onClose();
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      message.error(errorText(e, '保存失败'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      destroyOnHidden
      data-testid="rule-editor"
      title={
        <div>
          <div>{rule ? `修改预警规则：${rule.name}` : '新增预警规则'}</div>
          <div className="lz-drawer-sub">
            {tenantName}
            {rule && <> · 当前第 {rule.version} 版 · {rule.source}</>}
          </div>
        </div>
      }
      footer={
        <Space className="lz-drawer-footer">
          <Button onClick={onClose}>取消</Button>
          <Button icon={<EyeOutlined />} loading={busy === 'preview'} disabled={!!busy} onClick={() => void runPreview()} data-testid="rule-preview-button">预览</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={busy === 'save'} disabled={!!busy} onClick={() => void save()} data-testid="rule-save">保存</Button>
        </Space>
      }
    >
      {rule?.sourceKind !== 'own' && rule && (
        <Alert type="info" showIcon className="lz-form-alert" title={`该规则目前${rule.source}；保存后成为本机构自己的版本，并作用于未另行修改的下级机构。`} />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={(changed) => {
        setPreview(null);
        if ('kind' in changed) form.setFieldValue('def', blankDefinition(changed.kind as RuleKind));
      }}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label="规则代码" rules={[{ required: true, message: '请填写规则代码' }, { pattern: /^[A-Za-z][A-Za-z0-9-]{1,31}$/, message: '字母开头，2–32 位字母、数字或连字符' }]}>
              <Input disabled={!!rule} placeholder="如 ORANGE-COUNT" data-testid="rule-code" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }, { max: 100 }]}>
              <Input maxLength={100} data-testid="rule-name" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label="规则类型" rules={[{ required: true }]}>
              <Select options={opts(options.ruleKinds)} disabled={!!rule} data-testid="rule-kind" />
            </Form.Item>
          </Col>
          <Col span={8}>
            {kind !== 'score' && (
              <Form.Item name="level" label="预警颜色" rules={[{ required: true, message: '请选择颜色' }]}>
                <Select
                  data-testid="rule-level"
                  options={scheme.levels.map((l) => ({ value: l.code, label: <ColourTag name={l.name} hex={l.hex} /> }))}
                />
              </Form.Item>
            )}
          </Col>
          <Col span={8}>
            <Form.Item name="enabled" label="启用" valuePropName="checked">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>触发条件</Divider>
        <DefinitionFields kind={kind} options={options} levels={levels} />
        <Form.Item name="note" label="修改说明" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="记入版本历史，如：依据市纪委 2026 年第 3 号通知调整" data-testid="rule-note" />
        </Form.Item>
      </Form>
      {preview && <PreviewResult preview={preview} />}
      {!preview && <div className="lz-muted">保存前可点「预览」查看修改将使多少人的预警颜色发生变化。{rule?.locked && <Tag color="purple">本机构已锁定该规则，下级机构不能修改</Tag>}</div>}
    </Drawer>
  );
}
