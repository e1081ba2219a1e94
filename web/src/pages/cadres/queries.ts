export const TENANTS_QUERY = /* GraphQL */ `
  query Tenants {
    tenants { id code name kind kindLabel sortOrder parentId }
  }
`;

export const UNITS_QUERY = /* GraphQL */ `
  query Units {
    units { id name parentId sortOrder cadreCount tenant { id } }
  }
`;

export const CADRES_QUERY = /* GraphQL */ `
  query Cadres($first: Int, $offset: Int, $filter: CadreFilter) {
    cadres(first: $first, offset: $offset, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder
          tenant { id code name }
          unit { id name }
        }
      }
    }
  }
`;
