// 单位管理's documents; their types are generated (web/src/gql, `npm run codegen -w web`).
import { graphql } from '../../../gql';
import type { AdminUnitFieldsFragment } from '../../../gql/graphql';

graphql(`fragment AdminUnitFields on Unit { id name parentId sortOrder kind kindCode code retired retiredAt mergedIntoId cadreCount }`);

export type AdminUnit = AdminUnitFieldsFragment;

/** Every unit of one tenant, retired ones too (the pickers elsewhere ask without them). */
export const AdminUnitsDocument = graphql(`
  query AdminUnits($tenantCode: String) { units(tenantCode: $tenantCode, includeRetired: true) { ...AdminUnitFields } }
`);
export const UnitTenantsDocument = graphql(`query UnitTenants { tenants { id code name parentId defaultImportUnit { id name } } }`);
/** 默认导入单位: where an import's new cadres go when their 现任职务 names no unit (null clears it). */
export const SetDefaultImportUnitDocument = graphql(`
  mutation SetDefaultImportUnit($tenantId: ID!, $unitId: ID) { setDefaultImportUnit(tenantId: $tenantId, unitId: $unitId) { id defaultImportUnit { id name } } }
`);

export const CreateUnitDocument = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { ...AdminUnitFields } }
`);
export const UpdateUnitDocument = graphql(`
  mutation UpdateUnit($id: ID!, $name: String, $kind: String, $code: String, $sortOrder: Int) {
    updateUnit(id: $id, name: $name, kind: $kind, code: $code, sortOrder: $sortOrder) { ...AdminUnitFields }
  }
`);
export const MoveUnitDocument = graphql(`
  mutation MoveUnit($id: ID!, $parentId: ID, $beforeId: ID) { moveUnit(id: $id, parentId: $parentId, beforeId: $beforeId) { ...AdminUnitFields } }
`);
export const MergeUnitsDocument = graphql(`
  mutation MergeUnits($fromId: ID!, $intoId: ID!) { mergeUnits(fromId: $fromId, intoId: $intoId) { ...AdminUnitFields } }
`);
export const RetireUnitDocument = graphql(`mutation RetireUnit($id: ID!) { retireUnit(id: $id) { ...AdminUnitFields } }`);
export const RestoreUnitDocument = graphql(`mutation RestoreUnit($id: ID!) { restoreUnit(id: $id) { ...AdminUnitFields } }`);

/** A unit change changes the unit lists of every page (pickers, the cadre tree) and the cadres' unit names. */
export const UNIT_AFFECTS = ['AdminUnits', 'TenantUnits', 'Units', 'Cadres', 'CadreArchive'];
