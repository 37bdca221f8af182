// What every query function takes first: the database, or a transaction (a
// Transaction is a Kysely too), so running a query inside one is just another argument.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export type Executor = Kysely<Database>;
