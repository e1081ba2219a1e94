// Builds the 单位目录 tree: tenants nested by parent, under each tenant its units nested by parentId (排序号 order
// as returned by the API), then its subordinate tenants.
import type { ReactNode } from 'react';
import { buildTree, groupByParent, kidsOrNone } from '../../components/tree';
import { nameMatches } from '@shared/name-match';
import { BankOutlined, ClusterOutlined, FolderOutlined } from '@ant-design/icons';
import type { CadreFilter, TenantItem, UnitItem } from './queries';

export interface ScopeNode {
  key: string;
  title: ReactNode;
  label: string;
  /** The name's reading (one syllable per character, from the API): the filter matches full pinyin and initials. */
  reading?: readonly string[];
  icon?: ReactNode;
  children?: ScopeNode[];
  isLeaf?: boolean;
  filter: Pick<CadreFilter, 'tenantCode' | 'unitId'>;
  /** Cadres in this node and everything below it (only when units are readable). */
  total: number | null;
  /** Human description of the scope, for the 当前范围 line. */
  scopeText: string;
}

export const tenantKey = (code: string) => `t:${code}`;
export const unitKey = (id: string) => `u:${id}`;

function nodeTitle(name: string, total: number | null, hint?: string): ReactNode {
  return (
    <span className="lz-tree-title">
      <span className="lz-tree-name" title={hint ? `${name}（${hint}）` : name}>{name}</span>
      {total !== null && <span className="lz-tree-count">{total}</span>}
    </span>
  );
}

export function buildScopeTree(tenants: TenantItem[], units: UnitItem[] | null): ScopeNode[] {
  const childTenants = groupByParent(tenants, (t) => t.id, (t) => t.parentId);

  // Units per tenant, then per parent unit, keeping the API order.
  const unitsByTenant = new Map<string, UnitItem[]>();
  for (const u of units ?? []) {
    const list = unitsByTenant.get(u.tenant.id) ?? [];
    list.push(u);
    unitsByTenant.set(u.tenant.id, list);
  }

  // Counts are shown only when present: roles that cannot read cadres get null counts (and no numbers).
  const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  const sum = (nodes: ScopeNode[]) => nodes.reduce<number | null>((s, n) => add(s, n.total), 0);
  const buildUnits = (tenantUnits: UnitItem[]): ScopeNode[] =>
    buildTree<UnitItem, ScopeNode>(groupByParent(tenantUnits, (u) => u.id, (u) => u.parentId), (u) => u.id, (u, kids) => {
      const total = add(u.cadreCount, sum(kids));
      return {
        key: unitKey(u.id),
        label: u.name,
        reading: u.pinyin,
        title: nodeTitle(u.name, total),
        icon: kids.length ? <ClusterOutlined /> : <FolderOutlined />,
        children: kidsOrNone(kids),
        isLeaf: kids.length === 0,
        filter: { unitId: u.id },
        total,
        scopeText: kids.length ? `${u.name}（含下级单位）` : u.name,
      };
    });

  return buildTree<TenantItem, ScopeNode>(childTenants, (t) => t.id, (t, sub) => {
    const own = buildUnits(unitsByTenant.get(t.id) ?? []);
    const total = units ? add(sum(own), sum(sub)) : null;
    const children = [...own, ...sub];
    return {
      key: tenantKey(t.code),
      label: t.name,
      reading: t.pinyin,
      title: nodeTitle(t.name, total, t.kindLabel),
      icon: <BankOutlined />,
      children: kidsOrNone(children),
      isLeaf: children.length === 0,
      filter: { tenantCode: t.code },
      total,
      scopeText: sub.length ? `${t.name}（含下级机关）` : t.name,
    };
  });
}

export function indexNodes(nodes: ScopeNode[], into = new Map<string, ScopeNode>()): Map<string, ScopeNode> {
  for (const n of nodes) {
    into.set(n.key, n);
    if (n.children) indexNodes(n.children, into);
  }
  return into;
}

/**
 * Keep nodes whose name matches the keyword — part of the name, or the start of its full pinyin or initials from any
 * character on (shared/name-match.ts: 财政, caizhengju, czj) — with their ancestors; returns the keys to expand.
 */
export function filterTree(nodes: ScopeNode[], keyword: string): { nodes: ScopeNode[]; expand: string[] } {
  const k = keyword.trim();
  if (!k) return { nodes, expand: [] };
  const expand: string[] = [];
  const walk = (list: ScopeNode[]): ScopeNode[] => {
    const out: ScopeNode[] = [];
    for (const n of list) {
      const kids = n.children ? walk(n.children) : [];
      const hit = nameMatches(n.label, n.reading, k);
      if (hit || kids.length) {
        if (kids.length) expand.push(n.key);
        out.push({ ...n, children: kids.length ? kids : hit ? n.children : undefined });
      }
    }
    return out;
  };
  return { nodes: walk(nodes), expand };
}
