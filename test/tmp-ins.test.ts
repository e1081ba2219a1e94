import { it } from 'vitest';
import { sql } from 'kysely';
import { testDatabase } from './helpers/db.js';
