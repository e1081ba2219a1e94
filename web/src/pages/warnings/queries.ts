// The warning board's documents (docs/warning-board.md); their types are generated (web/src/gql, `npm run codegen -w web`).
import { graphql } from '../../gql';
import type { CadreWarningsQuery, WarningBoardQuery, WarningListQuery, WarningTrendQuery } from '../../gql/graphql';

export const WarningBoardDocument = graphql(`
  query WarningBoard($asOf: String, $tenantCode: String, $unitId: ID) {
    warningBoard(asOf: $asOf, tenantCode: $tenantCode, unitId: $unitId) {
      asOf total cadreCount
      byColour { colour count level { code name hex rank description } }
      byRule { rule { code name version } count }
    }
  }
`);

export const WarningTrendDocument = graphql(`
  query WarningTrend($from: String, $to: String, $tenantCode: String, $unitId: ID) {
    warningTrend(from: $from, to: $to, tenantCode: $tenantCode, unitId: $unitId) {
      month asOf total
      byColour { colour count level { code name hex rank } }
    }
  }
`);

export const WarningListDocument = graphql(`
  query WarningList($asOf: String, $colour: String, $tenantCode: String, $unitId: ID, $first: Int, $after: String, $offset: Int) {
    warningList(asOf: $asOf, colour: $colour, tenantCode: $tenantCode, unitId: $unitId, first: $first, after: $after, offset: $offset) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          colour reasons
          level { code name hex }
          warning { colour level { code name hex } rule { code name version } reasons startsOn ends }
          cadre { id name position unit { id name } tenant { id name } }
        }
      }
    }
  }
`);

/** A cadre's colour and every warning beneath it (the archive header's tag). */
export const CadreWarningsDocument = graphql(`
  query CadreWarnings($id: ID!, $asOf: String) {
    cadre(id: $id) {
      id
      warning(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }
      warnings(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }
    }
  }
`);

export type WarningBoard = WarningBoardQuery['warningBoard'];
export type WarningTrendMonth = WarningTrendQuery['warningTrend'][number];
export type WarningListItem = WarningListQuery['warningList']['edges'][number]['node'];
export type CadreWarnings = NonNullable<CadreWarningsQuery['cadre']>;
