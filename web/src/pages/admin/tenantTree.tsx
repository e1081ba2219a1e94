// The tenant directory shared by the 系统管理 pages: the caller's subtree as a tree (by parentId, in 排序号 order),
// with 已暂停 tags, a name/code filter, and helpers for TreeSelects and ancestry.
import type React from 'react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Tag } from 'antd';
import { BankOutlined } from '@ant-design/icons';
import { gql } from '../../api/graphql';
import { queryKey } from '../../api/query';
import { useLoaded } from '../../components/useLoaded';
import { useSearchParam } from '../../components/useSearchParam';
import { TENANT_KINDS as KIND_LABELS } from '@shared/tenants';
import { buildTree, groupByParent, kidsOrNone } from '../../components/tree';
import { FilterTreeCard } from '../../components/FilterTreeCard';
import { PageHead } from '../../components/PageHead';
import { AdminTenantsDocument } from './queries';
import type { AdminTenant } from './queries';

/** Tenant kinds for a Select (labels shared with the server). */
export const TENANT_KINDS: { value: string; label: string }[] = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));

export const isSuspended = (t: AdminTenant) => t.effectiveStatus === 'suspended';

export interface TenantIndex {
  list: AdminTenant[];
  byId: Map<string, AdminTenant>;
  /** Children in 排序号 order (key null: the roots, i.e. tenants whose parent is not visible). */
  children: Map<string | null, AdminTenant[]>;
  roots: AdminTenant[];
}

export function indexTenants(list: AdminTenant[]): TenantIndex {
  const byId = new Map(list.map((t) => [t.id, t]));
  const children = groupByParent(list, (t) => t.id, (t) => t.parentId);
  for (const arr of children.values()) arr.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  return { list, byId, children, roots: children.get(null) ?? [] };
}

/** The visible ancestors of a tenant, top first (not including itself). */
export function ancestorsOf(index: TenantIndex, id: string): AdminTenant[] {
  const out: AdminTenant[] = [];
  const seen = new Set<string>();
  let cur = index.byId.get(id);
  while (cur?.parentId && index.byId.has(cur.parentId) && !seen.has(cur.parentId)) {
    seen.add(cur.parentId);
    cur = index.byId.get(cur.parentId)!;
    out.unshift(cur);
  }
  return out;
}

/** Ids of a tenant and everything below it. */
export function subtreeIds(index: TenantIndex, id: string): Set<string> {
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    for (const c of index.children.get(stack.pop()!) ?? []) {
      if (!out.has(c.id)) {
        out.add(c.id);
        stack.push(c.id);
      }
    }
  }
  return out;
}

export interface TenantTreeSelectNode {
  value: string;
  title: string;
  key: string;
  disabled?: boolean;
  children?: TenantTreeSelectNode[];
}

/** Tree data for a TreeSelect of tenants; `disabled` greys out (but keeps) nodes. */
export function tenantSelectTree(index: TenantIndex, disabled?: (t: AdminTenant) => boolean): TenantTreeSelectNode[] {
  return buildTree<AdminTenant, TenantTreeSelectNode>(index.children, (t) => t.id, (t, kids) => ({
    value: t.id, key: t.id, title: tenantOptionTitle(t), disabled: disabled?.(t), children: kidsOrNone(kids),
  }));
}

/** A tenant as a TreeSelect option: its name, marked when it (or a tenant above) is suspended. */
export const tenantOptionTitle = (t: AdminTenant) => (isSuspended(t) ? `${t.name}（已暂停）` : t.name);

export function useTenants() {
  const { data: list, setData: setList, loading, error, reload } = useLoaded(
    queryKey(AdminTenantsDocument), () => gql(AdminTenantsDocument).then((d) => d.tenants), [] as AdminTenant[], '机构目录加载失败',
  );

  /** Show a tenant the API just returned at once (the list is reloaded after). */
  const upsert = useCallback((t: AdminTenant) => {
    setList((prev) => (prev.some((x) => x.id === t.id) ? prev.map((x) => (x.id === t.id ? t : x)) : [...prev, t]));
  }, [setList]);

  const index = useMemo(() => indexTenants(list), [list]);
  return { index, loading, error, reload, upsert };
}

/**
 * The selected tenant, kept in the address (?tenant=<id>) so the pages link to each other. With `fallbackToRoot`,
 * no selection means the caller's own tenant.
 */
export function useSelectedTenant(index: TenantIndex, fallbackToRoot: boolean) {
  const [raw, select] = useSearchParam('tenant');
  const selectedId = raw && index.byId.has(raw) ? raw : fallbackToRoot ? index.roots[0]?.id ?? null : null;
  return { selectedId, selected: selectedId ? index.byId.get(selectedId) ?? null : null, select };
}

interface TreeNode {
  key: string;
  title: ReactNode;
  icon: ReactNode;
  children?: TreeNode[];
  isLeaf: boolean;
}

function nodeTitle(t: AdminTenant): ReactNode {
  return (
    <span className="lz-tree-title" data-testid="tenant-node">
      <span className="lz-tree-name" title={`${t.name}（${t.kindLabel}，代码 ${t.code}）`}>{t.name}</span>
      {isSuspended(t) && (
        <Tag color="red" className="lz-tree-tag" data-testid="tenant-suspended">已暂停</Tag>
      )}
    </span>
  );
}

interface TenantTreeProps {
  index: TenantIndex;
  loading: boolean;
  error: string | null;
  onReload(): void;
  selectedId: string | null;
  onSelect(id: string | null): void;
  /** Clicking the selected node again clears the selection (the users page: back to all tenants). */
  allowDeselect?: boolean;
  title?: string;
}

export function TenantTreeCard({ index, loading, error, onReload, selectedId, onSelect, allowDeselect, title = '机构目录' }: TenantTreeProps) {
  const [keyword, setKeyword] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const { nodes, matchExpand } = useMemo(() => {
    const k = keyword.trim().toLowerCase();
    const expand: string[] = [];
    const nodes = buildTree<AdminTenant, TreeNode>(index.children, (t) => t.id, (t, kids) => {
      const hit = !k || t.name.toLowerCase().includes(k) || t.code.includes(k);
      if (!hit && !kids.length) return null;
      if (k && kids.length) expand.push(t.id);
      return { key: t.id, title: nodeTitle(t), icon: <BankOutlined />, children: kidsOrNone(kids), isLeaf: !kids.length };
    });
    return { nodes, matchExpand: expand };
  }, [index, keyword]);

  // By default a small directory is fully open; a large one shows its first two levels.
  const defaultExpanded = useMemo(() => {
    if (index.list.length <= 40) return index.list.filter((t) => index.children.has(t.id)).map((t) => t.id);
    return index.roots.map((t) => t.id);
  }, [index]);

  // Keep the selected tenant visible: open its ancestors when the selection changes.
  useEffect(() => {
    if (!selectedId) return;
    const need = ancestorsOf(index, selectedId).map((t) => t.id);
    setExpanded((prev) => {
      const base = prev ?? defaultExpanded;
      const add = need.filter((id) => !base.includes(id));
      return add.length ? [...base, ...add] : prev;
    });
  }, [selectedId, index, defaultExpanded]);

  const onTreeSelect = (keys: React.Key[]) => {
    if (keys.length) onSelect(String(keys[0]));
    else if (allowDeselect) onSelect(null);
  };

  return (
    <FilterTreeCard
      title={title}
      onReload={onReload}
      keyword={keyword}
      onKeyword={setKeyword}
      placeholder="查找机构（名称或代码）"
      filterTestId="tenant-filter"
      treeTestId="tenant-tree"
      error={error}
      loading={loading && !index.list.length}
      nodes={nodes}
      selectedKey={selectedId}
      expandedKeys={keyword.trim() ? matchExpand : expanded ?? defaultExpanded}
      onExpand={(keys) => { if (!keyword.trim()) setExpanded(keys.map(String)); }}
      onSelect={onTreeSelect}
      noMatch="没有匹配的机构"
      none="暂无机构"
    />
  );
}

/** The 系统管理 pages' frame: the title line, the tenant directory on the left, the page's card beside it. */
export function TenantAdminPage({ title, desc, tenants, selectedId, onSelect, allowDeselect, children, after }: {
  title: string;
  desc: string;
  tenants: ReturnType<typeof useTenants>;
  selectedId: string | null;
  onSelect(id: string | null): void;
  allowDeselect?: boolean;
  children: ReactNode;
  /** Dialogs of the page. */
  after?: ReactNode;
}) {
  return (
    <div className="lz-admin">
      <PageHead title={title} desc={desc} />
      <div className="lz-admin-body">
        <TenantTreeCard
          index={tenants.index}
          loading={tenants.loading}
          error={tenants.error}
          onReload={() => void tenants.reload()}
          selectedId={selectedId}
          onSelect={onSelect}
          allowDeselect={allowDeselect}
        />
        {children}
      </div>
      {after}
    </div>
  );
}
