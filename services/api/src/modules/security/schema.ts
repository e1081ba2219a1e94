import { builder } from '../../graphql/builder.js';
import { authorize, badInput } from '../../graphql/context.js';
import { intIn } from '../../graphql/inputs.js';
import { findTenant } from '../tenants/repo.js';
import { floorProblem, saveSettings, securityView, STRICTER, SETTING_KEYS, SETTING_RANGES, type SecurityView, type SettingKey, type SettingValue } from './repo.js';

const SETTING_LABELS: Record<SettingKey, string> = {
  lockout_threshold: '登录失败锁定阈值（次）', lockout_minutes: '锁定时长（分钟）', password_min_length: '密码最小长度',
  password_min_classes: '密码字符类别数', idle_timeout_minutes: '空闲超时（分钟）',
};
/** 「空闲超时（分钟）→ 20、锁定时长（分钟）→ 继承上级」 for the audit row. */
const describePatch = (patch: Partial<Record<SettingKey, number | null>>) =>
  SETTING_KEYS.filter((k) => patch[k] !== undefined).map((k) => `${SETTING_LABELS[k]} → ${patch[k] ?? '继承上级'}`).join('、') || '无变化';
const camel = (k: string) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const Setting = builder.objectRef<SettingValue & { own: number | null; key: SettingKey; floor: number | null }>('SecuritySetting').implement({
  description: '一项安全设置：生效值、本级设置值（null 为继承）及其来源',
  fields: (t) => ({
    value: t.exposeInt('value', { description: '生效值' }),
    own: t.exposeInt('own', { nullable: true, description: '本级设置值；null 表示继承' }),
    inherited: t.boolean({ resolve: (s) => s.own === null }),
    sourceTenantName: t.exposeString('sourceTenantName', { nullable: true, description: '生效值来自哪一级；null 为系统默认' }),
    floor: t.exposeInt('floor', { nullable: true, description: '上级的生效值：本级只能从严，不能放宽；顶级为 null' }),
    stricter: t.string({ description: 'lower：数值越小越严；higher：数值越大越严', resolve: (s) => (STRICTER[s.key] === 'min' ? 'lower' : 'higher') }),
    min: t.int({ resolve: (s) => SETTING_RANGES[s.key][0] }),
    max: t.int({ resolve: (s) => SETTING_RANGES[s.key][1] }),
    label: t.string({ resolve: (s) => SETTING_LABELS[s.key] }),
  }),
});

const SecuritySettings = builder.objectRef<SecurityView>('SecuritySettings').implement({
  description: '机构安全设置（未设置的项继承上级，顶级继承系统默认）',
  fields: (t) => ({
    tenantId: t.exposeID('tenantId'),
    ...Object.fromEntries(SETTING_KEYS.map((k) => [camel(k), t.field({
      type: Setting, resolve: (v) => ({ ...v.effective[k], own: v.own[k], key: k, floor: v.parentEffective?.[k].value ?? null }),
    })])),
  }),
});

builder.queryField('tenantSecurity', (t) =>
  t.field({
    extensions: { auditLabel: '查看安全设置' },
    type: SecuritySettings,
    nullable: true,
    description: '机构的安全设置（系统管理员查看，安全保密管理员查看和修改；本级及下级）；不存在或不可见时为 null',
    args: { tenantId: t.arg.id({ required: true }) },
    resolve: async (_r, { tenantId }, ctx) => securityView(authorize(ctx, 'read', 'SecuritySettings').trx, String(tenantId)),
  }),
);

const SecurityInput = builder.inputType('SecuritySettingsInput', {
  description: '省略的项不变；显式 null 表示改为继承上级',
  fields: (t) => Object.fromEntries(SETTING_KEYS.map((k) => [
    camel(k), t.int({ validate: intIn(SETTING_LABELS[k], ...SETTING_RANGES[k]) }),
  ])),
});

builder.mutationField('updateTenantSecurity', (t) =>
  t.field({
    extensions: { auditLabel: '修改安全设置' },
    type: SecuritySettings,
    nullable: true,
    description: '修改机构安全设置（安全保密管理员，本级及下级），下一次请求起生效；不得宽于上级的生效值',
    args: { tenantId: t.arg.id({ required: true }), input: t.arg({ type: SecurityInput, required: true }) },
    resolve: async (_r, { tenantId, input }, ctx) => {
      const { trx, principal } = authorize(ctx, 'update', 'SecuritySettings');
      const tenant = await findTenant(trx, String(tenantId));
      if (!tenant) return null;
      const patch: Partial<Record<SettingKey, number | null>> = {};
      for (const k of SETTING_KEYS) {
        const v = (input as Record<string, number | null | undefined>)[camel(k)];
        if (v === undefined) continue;
        patch[k] = v;
      }
      ctx.audit.target('SecuritySettings', tenant.id, `${tenant.name}（${describePatch(patch)}）`);
      const view = await securityView(trx, tenant.id);
      const problem = view && floorProblem(view, patch, SETTING_LABELS);
      if (problem) throw badInput(problem);
      await saveSettings(trx, tenant.id, patch, principal.userId);
      return securityView(trx, tenant.id);
    },
  }),
);
