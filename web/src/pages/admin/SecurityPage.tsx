// 安全设置: per-tenant login and password policy. Each item is either set on this tenant (本级设置) or inherited from
// the tenant above (or the system default). The parent's value is a floor: a tenant may only be stricter. Changes
// apply from the next request on. 三员分立: the security administrator changes them; the system administrator reads.
import type React from 'react';
import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, InputNumber, Space, Spin, Switch, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { TenantSecurityDocument, UpdateTenantSecurityDocument } from './queries';
import { TenantAdminPage, useSelectedTenant, useTenants } from './tenantTree';
import { SETTING_KEYS, type SecuritySetting, type SecuritySettings, type SettingKey } from './queries';

interface Draft { inherit: boolean; value: number | null }
type Drafts = Record<SettingKey, Draft>;

const HINTS: Record<SettingKey, string> = {
  lockoutThreshold: '连续输错密码达到该次数后临时锁定账户',
  lockoutMinutes: '锁定持续时间，期满自动解除；管理员也可在用户管理中解锁',
  passwordMinLength: '新设或修改密码时的最少位数',
  passwordMinClasses: '大写字母、小写字母、数字、符号四类中至少包含几类',
  idleTimeoutMinutes: '无操作超过该时长后须重新登录',
};

const draftsOf = (s: SecuritySettings): Drafts =>
  Object.fromEntries(SETTING_KEYS.map((k) => [k, { inherit: s[k].own === null, value: s[k].own ?? s[k].value }])) as Drafts;

function sourceText(s: SecuritySetting): { text: string; color: string } {
  if (!s.inherited) return { text: '本级设置', color: 'red' };
  if (s.sourceTenantName) return { text: `继承自 ${s.sourceTenantName}`, color: 'blue' };
  return { text: '系统默认', color: 'default' };
}

interface Row { key: SettingKey; setting: SecuritySetting }

/** 「不得大于 20」 / 「不得小于 10」: the parent's floor in words. */
const floorText = (s: SecuritySetting) => (s.floor === null ? null : `${s.stricter === 'lower' ? '不得大于' : '不得小于'} ${s.floor}`);
const looserThanFloor = (s: SecuritySetting, v: number) => s.floor !== null && (s.stricter === 'lower' ? v > s.floor : v < s.floor);

export function SecurityPage() {
  const { message } = AntApp.useApp();
  const { can } = useAuth();
  const editable = can('SecuritySettings:update');
  const tenants = useTenants();
  const { index } = tenants;
  const { selected, select } = useSelectedTenant(index, true);
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [saving, setSaving] = useState(false);

  const tenantId = selected?.id;
  const security = useGqlQuery(TenantSecurityDocument, { tenantId: tenantId ?? '' }, { enabled: !!tenantId });
  const settings: SecuritySettings | null = security.data?.tenantSecurity ?? null;
  const loading = security.isFetching;
  const error = security.error
    ? errorText(security.error, '安全设置加载失败')
    : security.data && !security.data.tenantSecurity ? '机构不存在或不在管理范围内' : null;
  // The editable drafts start from what was read (again after each read).
  useEffect(() => { setDrafts(settings ? draftsOf(settings) : null); }, [settings]);

  /** The fields to send: only what differs from what is stored (null: back to inheriting). */
  const patch = useMemo(() => {
    if (!settings || !drafts) return {};
    const out: Partial<Record<SettingKey, number | null>> = {};
    for (const k of SETTING_KEYS) {
      const d = drafts[k];
      const own = settings[k].own;
      if (d.inherit && own !== null) out[k] = null;
      else if (!d.inherit && d.value !== own) out[k] = d.value;
    }
    return out;
  }, [settings, drafts]);
  const dirty = Object.keys(patch).length > 0;

  const setDraft = (k: SettingKey, d: Partial<Draft>) => setDrafts((prev) => (prev ? { ...prev, [k]: { ...prev[k], ...d } } : prev));

  const save = async () => {
    if (!tenantId || !settings) return;
    for (const k of SETTING_KEYS) {
      const v = patch[k];
      if (v === undefined || v === null) continue;
      const s = settings[k];
      if (!Number.isInteger(v) || v < s.min || v > s.max) {
        message.error(`${s.label}须为 ${s.min}–${s.max} 的整数`);
        return;
      }
      if (looserThanFloor(s, v)) {
        message.error(`${s.label}${floorText(s)}（上级要求，下级只能从严）`);
        return;
      }
    }
    setSaving(true);
    try {
      const d = await gql(UpdateTenantSecurityDocument, { tenantId, input: patch });
      if (!d.updateTenantSecurity) throw new Error('机构不存在或不在管理范围内');
      message.success('安全设置已保存，自下一次请求起生效');
      await security.refetch();
    } catch (e) {
      message.error(errorText(e, '保存失败'));
    } finally {
      setSaving(false);
    }
  };

  const rows: Row[] = settings ? SETTING_KEYS.map((k) => ({ key: k, setting: settings[k] })) : [];

  const columns: TableColumnsType<Row> = [
    {
      title: '设置项', key: 'label', width: 230,
      render: (_v, r) => (
        <div>
          <div className="lz-setting-label">{r.setting.label}</div>
          <div className="lz-setting-hint">{HINTS[r.key]}</div>
        </div>
      ),
    },
    {
      title: '当前生效值', key: 'value', width: 110, align: 'center',
      render: (_v, r) => <span className="lz-setting-value" data-testid={`setting-${r.key}-effective`}>{r.setting.value}</span>,
    },
    {
      title: '来源', key: 'source', width: 200,
      render: (_v, r) => {
        const s = sourceText(r.setting);
        return <Tag color={s.color} data-testid={`setting-${r.key}-source`}>{s.text}</Tag>;
      },
    },
    {
      title: '上级要求', key: 'floor', width: 110, align: 'center',
      render: (_v, r) => <span className="lz-muted" data-testid={`setting-${r.key}-floor`}>{floorText(r.setting) ?? '—'}</span>,
    },
    {
      title: '继承上级', key: 'inherit', width: 100, align: 'center',
      render: (_v, r) => (
        <Switch
          checked={drafts?.[r.key].inherit}
          disabled={!editable}
          onChange={(on) => setDraft(r.key, on ? { inherit: true } : { inherit: false, value: drafts?.[r.key].value ?? r.setting.value })}
          checkedChildren="继承"
          unCheckedChildren="本级"
          data-testid={`setting-${r.key}-inherit`}
          aria-label={`${r.setting.label}：继承上级`}
        />
      ),
    },
    {
      title: '本级设置值', key: 'own', width: 150,
      render: (_v, r) => {
        const d = drafts?.[r.key];
        return (
          <InputNumber
            className="lz-input-number"
            min={r.setting.min}
            max={r.setting.max}
            precision={0}
            disabled={!editable || !d || d.inherit}
            status={d && !d.inherit && d.value !== null && looserThanFloor(r.setting, d.value) ? 'error' : undefined}
            value={d?.inherit ? null : d?.value}
            placeholder={d?.inherit ? '继承' : undefined}
            onChange={(v) => setDraft(r.key, { value: typeof v === 'number' ? v : null })}
            data-testid={`setting-${r.key}-value`}
            aria-label={`${r.setting.label}：本级设置值`}
          />
        );
      },
    },
    {
      title: '取值范围', key: 'range', width: 110, align: 'center',
      render: (_v, r) => <span className="lz-muted">{r.setting.min}–{r.setting.max}</span>,
    },
  ];

  const invalid = drafts ? SETTING_KEYS.some((k) => !drafts[k].inherit && drafts[k].value === null) : false;

  return (
    <TenantAdminPage
      title="安全设置"
      desc="登录锁定、密码强度和空闲超时策略；未在本级设置的项继承上级"
      tenants={tenants}
      selectedId={selected?.id ?? null}
      onSelect={(id) => id && select(id)}
    >
      <Card
        className="lz-detail-card"
        size="small"
        data-testid="security-panel"
        title={selected ? <span data-testid="security-tenant">{selected.name}</span> : '安全设置'}
        extra={
          selected && settings && editable && (
            <Space size={8}>
              <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={() => setDrafts(draftsOf(settings))}>
                撤销修改
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty || invalid}
                loading={saving}
                onClick={() => void save()}
                data-testid="security-save"
              >
                保存
              </Button>
            </Space>
          )
        }
      >
        {!selected ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tenants.loading ? '正在加载…' : '请在左侧选择机构'} />
        ) : error ? (
          <Alert type="error" showIcon title={error} action={<Button size="small" onClick={() => void security.refetch()}>重试</Button>} />
        ) : !settings ? (
          <div className="lz-tree-loading"><Spin /></div>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              className="lz-form-alert"
              title="打开「继承上级」时沿用上级机构的设置（顶级为系统默认）；关闭后可为本机构单独设置，并同时作用于下级机构。上级的设置是下限：本级只能从严，不能放宽。保存后自下一次请求起生效。"
            />
            {!editable && (
              <Alert
                type="warning"
                showIcon
                className="lz-form-alert"
                data-testid="security-readonly"
                title="安全设置由安全保密管理员维护，系统管理员仅可查看。"
              />
            )}
            <Table<Row>
              rowKey="key"
              size="middle"
              bordered
              loading={loading}
              columns={columns}
              dataSource={rows}
              pagination={false}
              className="lz-settings-table"
              data-testid="security-table"
              onRow={(r) => ({ 'data-testid': `setting-row-${r.key}` }) as React.HTMLAttributes<HTMLElement>}
            />
            {dirty && <div className="lz-dirty-hint">有未保存的修改</div>}
          </>
        )}
      </Card>
    </TenantAdminPage>
  );
}
