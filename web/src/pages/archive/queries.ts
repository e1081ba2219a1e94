// GraphQL for the archive. The records' typed fields are asked for with one inline fragment per category
// (`... on GiftRecord { occurredOn giver … }`), built from `recordCategories`, so a new field or category needs no
// console change. Two categories may use one field name with different types (`handling` is String! in one and
// String in another): GraphQL refuses such a pair in one selection, so those are aliased `<key>__<name>`. Only
// the conflicting ones are: the API caps aliases per request.
import { graphql } from '../../gql';
import type { ArchiveRecord, Category, FieldSpec, FieldValues, ReviewStatus } from './types';

export const RecordCategoriesDocument = graphql(`
  query RecordCategories {
    recordCategories { id key title short restricted fields { name label type required options max wide } }
  }
`);

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const typeName = (c: Category) => `${pascal(c.key)}Record`;

/** The GraphQL output type of a field (a required field is non-null). */
const shapeOf = (f: FieldSpec) => ({ year: 'Int', int: 'Int', bool: 'Boolean' } as Record<string, string>)[f.type] ?? 'String';
const fullShape = (f: FieldSpec) => `${shapeOf(f)}${f.required ? '!' : ''}`;

/** The interface's own fields and their types: a category field of the same name and another type is aliased. */
const ENVELOPE_SHAPES: Record<string, string> = {
  id: 'ID!', category: 'Int!', categoryTitle: 'String!', status: 'String!', statusLabel: 'String!', returnReason: 'String',
  version: 'Int!', enteredBy: 'String!', enteredAt: 'DateTime!', reviewedBy: 'String', reviewedAt: 'DateTime', updatedBy: 'String',
  updatedAt: 'DateTime!', deleted: 'Boolean!', deletedAt: 'DateTime', deletedBy: 'String',
};

const ENVELOPE = `
  id category categoryTitle status statusLabel returnReason version enteredBy enteredAt reviewedBy reviewedAt updatedBy
  updatedAt deleted deletedAt deletedBy cadre { id name } materials { id name formedOn pages }
`;

const HISTORY = 'history { version action actionLabel actorName at reason changes { field label from to } }';

/** Response key of each category's field: its name, or an alias where the name is shared with another shape. */
export type FieldKeys = Map<string, Map<string, string>>;

export function fieldKeys(categories: readonly Category[]): FieldKeys {
  const shapes = new Map<string, Map<string, number>>();
  for (const c of categories) {
    for (const f of c.fields) {
      const m = shapes.get(f.name) ?? new Map<string, number>();
      m.set(fullShape(f), (m.get(fullShape(f)) ?? 0) + 1);
      shapes.set(f.name, m);
    }
  }
  // The shape that keeps the plain name: the interface's own, else the most common one.
  const plain = new Map<string, string>();
  for (const [name, m] of shapes) {
    plain.set(name, ENVELOPE_SHAPES[name] ?? [...m.entries()].sort((a, b) => b[1] - a[1])[0][0]);
  }
  return new Map(categories.map((c) => [
    c.key,
    new Map(c.fields.map((f) => [f.name, fullShape(f) === plain.get(f.name) ? f.name : `${c.key}__${f.name}`])),
  ]));
}

/** The selection of one record: envelope, then each category's typed fields. */
export function recordSelection(categories: readonly Category[], keys: FieldKeys, withHistory = false): string {
  const fragments = categories.map((c) => {
    const k = keys.get(c.key)!;
    const fields = c.fields.map((f) => (k.get(f.name) === f.name ? f.name : `${k.get(f.name)}: ${f.name}`)).join(' ');
    return `... on ${typeName(c)} { ${fields} }`;
  });
  return `${ENVELOPE} ${withHistory ? HISTORY : ''} ${fragments.join('\n')}`;
}

const STATUS_BY_LABEL: Record<string, ReviewStatus> = { 待审核: 'pending', 已审核: 'accepted', 已退回: 'returned' };
const REVIEW_STATUSES = new Set<string>(['pending', 'accepted', 'returned']);

/**
 * A record as the API sent it → the console's shape. The review status is read from `statusLabel`: in categories
 * that have a field named `status` (民间借贷, 问题线索) that field answers for `status` on the record type.
 */
export function normalizeRecord(raw: Record<string, unknown>, byId: Map<number, Category>, keys: FieldKeys): ArchiveRecord {
  const cat = byId.get(raw.category as number);
  const k = cat ? keys.get(cat.key) : undefined;
  const fields: FieldValues = {};
  for (const f of cat?.fields ?? []) fields[f.name] = (raw[k?.get(f.name) ?? f.name] ?? null) as FieldValues[string];
  const label = String(raw.statusLabel ?? '');
  const status = STATUS_BY_LABEL[label] ?? (REVIEW_STATUSES.has(String(raw.status)) ? (raw.status as ReviewStatus) : 'pending');
  return {
    id: String(raw.id),
    category: raw.category as number,
    categoryTitle: String(raw.categoryTitle ?? cat?.title ?? ''),
    status,
    statusLabel: label,
    returnReason: (raw.returnReason as string | null) ?? null,
    version: raw.version as number,
    enteredBy: String(raw.enteredBy ?? ''),
    enteredAt: String(raw.enteredAt ?? ''),
    reviewedBy: (raw.reviewedBy as string | null) ?? null,
    reviewedAt: (raw.reviewedAt as string | null) ?? null,
    updatedBy: (raw.updatedBy as string | null) ?? null,
    updatedAt: String(raw.updatedAt ?? ''),
    deleted: !!raw.deleted,
    deletedAt: (raw.deletedAt as string | null) ?? null,
    deletedBy: (raw.deletedBy as string | null) ?? null,
    cadre: (raw.cadre as { id: string; name: string }) ?? { id: '', name: '' },
    materials: ((raw.materials as ArchiveRecord['materials']) ?? []).map((m) => ({ ...m })),
    fields,
    history: raw.history as ArchiveRecord['history'],
  };
}

/** Every document the archive pages send, built once per set of categories. */
export interface ArchiveDocs {
  keys: FieldKeys;
  byId: Map<number, Category>;
  cadre: string;
  record: string;
  recordHistory: string;
  /** The page size is written into the document: the API prices a `first` given as a variable at its maximum (500). */
  reviewQueue(pageSize: number): string;
  create: string;
  update: string;
  review: string;
  remove: string;
  restore: string;
  normalize(raw: unknown): ArchiveRecord;
}

const docsCache = new WeakMap<readonly Category[], ArchiveDocs>();

export function archiveDocs(categories: readonly Category[]): ArchiveDocs {
  const cached = docsCache.get(categories);
  if (cached) return cached;
  const keys = fieldKeys(categories);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const sel = recordSelection(categories, keys);
  const docs: ArchiveDocs = {
    keys,
    byId,
    cadre: /* GraphQL */ `
      query CadreArchive($id: ID!, $includeDeleted: Boolean) {
        cadre(id: $id) {
          id name sex birthMonth ethnicity nativePlace education partyJoin workStart position rank status
          tenant { name } unit { name }
          records(includeDeleted: $includeDeleted) { ${sel} }
        }
      }`,
    record: `query ArchiveRecord($id: ID!) { record(id: $id) { ${sel} } }`,
    recordHistory: `query ArchiveRecordHistory($id: ID!) { record(id: $id) { ${recordSelection(categories, keys, true)} } }`,
    reviewQueue: (pageSize: number) => /* GraphQL */ `
      query ReviewQueue($offset: Int, $category: Int, $status: String) {
        reviewQueue(first: ${Math.max(1, Math.min(100, Math.floor(pageSize)))}, offset: $offset, category: $category, status: $status) {
          totalCount
          edges { node { ${sel} } }
        }
      }`,
    create: /* GraphQL */ `
      mutation CreateRecord($cadreId: ID!, $category: Int!, $fields: RecordFieldsInput!, $materials: [RecordMaterialInput!]) {
        createRecord(cadreId: $cadreId, category: $category, fields: $fields, materials: $materials) { ${sel} }
      }`,
    update: /* GraphQL */ `
      mutation UpdateRecord($id: ID!, $version: Int!, $fields: RecordFieldsInput!, $materials: [RecordMaterialInput!]) {
        updateRecord(id: $id, version: $version, fields: $fields, materials: $materials) { ${sel} }
      }`,
    review: /* GraphQL */ `
      mutation ReviewRecord($id: ID!, $version: Int!, $decision: String!, $reason: String) {
        reviewRecord(id: $id, version: $version, decision: $decision, reason: $reason) { ${sel} }
      }`,
    remove: `mutation DeleteRecord($id: ID!, $version: Int!) { deleteRecord(id: $id, version: $version) { ${sel} } }`,
    restore: `mutation RestoreRecord($id: ID!) { restoreRecord(id: $id) { ${sel} } }`,
    normalize: (raw) => normalizeRecord(raw as Record<string, unknown>, byId, keys),
  };
  docsCache.set(categories, docs);
  return docs;
}
