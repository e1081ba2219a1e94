// Assemble the schema from the domain modules.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import '../auth/schema.js';
import '../modules/tenants/schema.js';
import '../modules/units/schema.js';
import '../modules/cadres/schema.js';
import '../modules/audit/schema.js';
import '../modules/users/schema.js';
import '../modules/security/schema.js';
import '../modules/grants/schema.js';
import '../modules/records/schema.js';
import '../modules/codes/schema.js';
import '../modules/inbox/schema.js';
import '../modules/calendar/schema.js';
import '../modules/dispositions/schema.js';
import '../modules/replies/schema.js';
import '../modules/templates/schema.js';
import '../jobs/schema.js';
import '../modules/warnings/rules-schema.js';
import '../modules/warnings/schema.js';

let schema: GraphQLSchema | undefined;
export const getSchema = () => (schema ??= builder.toSchema());
export const printedSchema = () => printSchema(lexicographicSortSchema(getSchema())) + '\n';
