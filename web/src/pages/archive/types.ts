// The archive's shapes as the console uses them: the categories and their form fields (from `recordCategories`),
// one record with its typed fields gathered under `fields`, and the cadre whose archive it is. The record documents
// are built at run time from the categories (queries.ts), so the record shapes are the console's own, not generated.
import type { RecordCategoriesQuery } from '../../gql/graphql';

export type FieldType = 'date' | 'year' | 'text' | 'longtext' | 'enum' | 'money' | 'decimal' | 'int' | 'bool';

type CategoryData = RecordCategoriesQuery['recordCategories'][number];

/** A form field of a category (recordCategories), its type narrowed to the ones the console renders. */
export type FieldSpec = Omit<CategoryData['fields'][number], 'type'> & { type: FieldType };

export type Category = Omit<CategoryData, 'fields'> & { fields: FieldSpec[] };

export type FieldValue = string | number | boolean | null;
export type FieldValues = Record<string, FieldValue>;

/** pending 待审核 | accepted 已审核 | returned 已退回 */
export type ReviewStatus = 'pending' | 'accepted' | 'returned';

export interface Material {
  id?: string;
  name: string;
  formedOn: string | null;
  pages: number | null;
}

export interface RecordChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

export interface Revision {
  version: number;
  action: string;
  actionLabel: string;
  actorName: string;
  at: string;
  reason: string | null;
  changes: RecordChange[];
}

export interface ArchiveRecord {
  id: string;
  category: number;
  categoryTitle: string;
  /** The review status (see queries.ts: read from statusLabel, which a category field cannot shadow). */
  status: ReviewStatus;
  statusLabel: string;
  returnReason: string | null;
  version: number;
  enteredBy: string;
  enteredAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  updatedBy: string | null;
  updatedAt: string;
  deleted: boolean;
  deletedAt: string | null;
  deletedBy: string | null;
  cadre: { id: string; name: string };
  materials: Material[];
  /** The category's typed fields by their spec names. */
  fields: FieldValues;
  history?: Revision[];
}

export interface CadreArchive {
  id: string;
  name: string;
  sex: string | null;
  birthMonth: string | null;
  ethnicity: string | null;
  nativePlace: string | null;
  education: string | null;
  partyJoin: string | null;
  workStart: string | null;
  position: string | null;
  rank: string | null;
  status: string;
  tenant: { name: string };
  unit: { name: string };
  records: ArchiveRecord[];
}

export interface ReviewPage {
  totalCount: number;
  edges: { node: ArchiveRecord }[];
}
