// The ledger's documents; their types are generated (web/src/gql, `npm run codegen -w web`).
import { graphql } from '../../gql';
import type { CadresQuery, TenantsQuery, UnitsQuery } from '../../gql/graphql';

export type { CadreFilter } from '../../gql/graphql';

export const TenantsDocument = graphql(`
  query Tenants {
    tenants { id code name pinyin kind kindLabel sortOrder parentId }
  }
`);

export const UnitsDocument = graphql(`
  query Units {
    units { id name pinyin parentId sortOrder cadreCount tenant { id } }
  }
`);

export const CadresDocument = graphql(`
  query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter, $warnings: Boolean = false) {
    cadres(first: $first, after: $after, offset: $offset, filter: $filter) {
      totalCount
      totalCountIsEstimate
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder
          tenant { id code name }
          unit { id name }
          warnings @include(if: $warnings) { colour level { code hex } rule { code name version } reasons ends }
        }
      }
    }
  }
`);

export type TenantItem = TenantsQuery['tenants'][number];
/** `cadreCount` is null for roles that cannot read cadres. */
export type UnitItem = UnitsQuery['units'][number];
export type CadrePage = CadresQuery['cadres'];
export type Cadre = CadrePage['edges'][number]['node'];
