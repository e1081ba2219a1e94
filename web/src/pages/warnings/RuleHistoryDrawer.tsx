// 版本历史: every version of a rule along the tenant's line (its own and its ancestors'), newest first — who changed,
// locked, unlocked or reset it, when, and why.
import { Alert, Drawer, Empty, Spin, Tag, Timeline } from 'antd';
import { errorText } from '../../api/graphql';
import { useGqlQuery } from '../../api/query';
import { beijingTime } from '@shared/time';
import { WarningRuleHistoryDocument, type WarningRuleRow, type WarningSchemeData } from './ruleQueries';
import { ColourTag } from './ColourTag';

const ACTION_COLORS: Record<string, string> = { update: 'gold', lock: 'purple', unlock: 'cyan', reset: 'default' };

export function RuleHistoryDrawer({ tenantCode, rule, scheme, onClose }: { tenantCode: string; rule: WarningRuleRow; scheme: WarningSchemeData; onClose(): void }) {
  const q = useGqlQuery(WarningRuleHistoryDocument, { tenantCode, code: rule.code });
  const versions = q.data?.warningRuleHistory ?? null;
  const level = (code: string | null | undefined) => scheme.levels.find((l) => l.code === code);
  return (
    <Drawer open onClose={onClose} size={560} data-testid="rule-history" title={
      <div>
        <div>版本历史</div>
        <div className="lz-drawer-sub">{rule.name}（{rule.code}）· 当前执行第 {rule.version} 版 · {rule.source}</div>
      </div>
    }>
      {q.error ? <Alert type="error" showIcon title={errorText(q.error, '版本历史加载失败')} />
        : !versions ? <div className="lz-tree-loading"><Spin /></div>
          : (
            <>
              <Timeline
                items={[
                  ...versions.map((v) => {
                    const l = level(v.levelCode);
                    return {
                      key: v.id,
                      color: v.current ? 'green' : 'gray',
                      content: (
                        <div data-testid="rule-version">
                          <div>
                            <b>第 {v.version} 版</b> <Tag color={ACTION_COLORS[v.action]}>{v.actionLabel}</Tag>
                            <span className="lz-muted">{v.tenant.name}</span>
                            {v.current && <Tag color="green">现行</Tag>}
                            {v.locked && v.action === 'update' && <Tag color="purple">锁定中</Tag>}
                          </div>
                          <div className="lz-muted">{v.createdBy} · {beijingTime(v.createdAt)}</div>
                          {v.action !== 'reset' && (
                            <div>
                              {v.name} · {v.kindLabel}{l && <> · <ColourTag name={l.name} hex={l.hex} /></>}{!v.enabled && <Tag>停用</Tag>}
                            </div>
                          )}
                          {v.note && <div className="lz-muted">说明：{v.note}</div>}
                        </div>
                      ),
                    };
                  }),
                  { key: 'default', color: 'gray', content: <div className="lz-muted">第 1 版为系统默认规则（如有）</div> },
                ]}
              />
              {!versions.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本机构及上级均未修改过该规则" />}
            </>
          )}
    </Drawer>
  );
}
