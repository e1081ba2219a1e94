// Building trees from flat lists that name their parent (tenants, units): one grouping and one walk for every tree
// in the console.
import { nameMatches } from '@shared/name-match';

/**
 * Items grouped by parent id, in the list's order. An item whose parent is not in the list is a root (key null):
 * a caller sees only its own subtree, so the top of what it sees has a parent it cannot see.
 */
export function groupByParent<T>(
  items: readonly T[], id: (t: T) => string, parent: (t: T) => string | null | undefined,
): Map<string | null, T[]> {
  const ids = new Set(items.map(id));
  const out = new Map<string | null, T[]>();
  for (const t of items) {
    const p = parent(t);
    const key = p && ids.has(p) ? p : null;
    const list = out.get(key) ?? [];
    list.push(t);
    out.set(key, list);
  }
  return out;
}

/**
 * Nodes from the grouped items, depth first from `root`: `make` gets an item and its children's nodes (built first)
 * and returns its node, or null to leave it out. Each item is visited once, so a cycle in bad data cannot loop.
 */
export function buildTree<T, N>(
  children: ReadonlyMap<string | null, readonly T[]>, id: (t: T) => string, make: (t: T, kids: N[]) => N | null,
  root: string | null = null,
): N[] {
  const seen = new Set<string>();
  const walk = (parent: string | null): N[] => {
    const out: N[] = [];
    for (const t of children.get(parent) ?? []) {
      const key = id(t);
      if (seen.has(key)) continue;
      seen.add(key);
      const node = make(t, walk(key));
      if (node !== null) out.push(node);
    }
    return out;
  };
  return walk(root);
}

/** `kids`, or undefined when there are none (antd trees treat an empty children array as expandable). */
export const kidsOrNone = <N>(kids: N[]): N[] | undefined => (kids.length ? kids : undefined);

/**
 * A searchable TreeSelect's filter: the node's title (a string) contains what was typed, or — when the node carries
 * `pinyin`, the name's reading from the API (Unit.pinyin, Tenant.pinyin) — its full pinyin or initials start with it
 * from any character on (shared/name-match.ts).
 */
export const filterTreeNodeByName = (input: string, node: { title?: unknown; pinyin?: readonly string[] | null }) =>
  nameMatches(typeof node.title === 'string' ? node.title : '', node.pinyin, input);

/** The props every searchable TreeSelect of the console shares (fully open, filtered by name or pinyin, scrolling popup). */
export const SEARCHABLE_TREE_SELECT = {
  treeDefaultExpandAll: true,
  virtual: false,
  showSearch: true,
  filterTreeNode: filterTreeNodeByName,
  styles: { popup: { root: { maxHeight: 360, overflow: 'auto' } } },
} as const;
