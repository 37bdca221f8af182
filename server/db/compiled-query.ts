// Build and compile each recurring query once, bind its values per request. Kysely
// rebuilds a query's operation tree, freezes it and compiles it to SQL on every
// execution (about 12 % of the feed's CPU time in a profile) although the SQL text of
// a given shape never changes; only the values do. A compiled query is built once
// with placeholders in place of its values, and each run swaps the values into the
// parameter list. Statements still go through the Kysely executor (its connection,
// transactions, the log the statement-count tests read).
import { createQueryId, type Compilable, type CompiledQuery, type QueryResult } from 'kysely';
import type { Executor } from './executor';

/**
 * Shapes kept per query and database; an IN list takes one per length, an inlined
 * value one per value (the feed: 50 limits, with and without a cursor).
 */
export const SHAPES_PER_QUERY = 128;

/** Stands for one value (or one element of a list value) while a query is built. */
class Placeholder {
  constructor(
    readonly key: string,
    /** The element's position in a list value; -1 for a single value. */
    readonly index: number,
  ) {}
}

type Binding = Placeholder | { fixed: unknown };

interface Shape {
  query: CompiledQuery['query'];
  sql: string;
  bindings: Binding[];
}

/** The values a query is built from: bound values, lists of them, and structural flags. */
export type QueryValues = Record<
  string,
  string | number | boolean | null | undefined | readonly (string | number)[]
>;

export interface CompiledQueryRunner<Values extends QueryValues, Row> {
  execute(db: Executor, values: Values): Promise<Row[]>;
  executeTakeFirst(db: Executor, values: Values): Promise<Row | undefined>;
}

/**
 * A query compiled once per shape and database. `build` receives placeholders for the
 * strings and numbers of `values` (and lists of placeholders for its arrays): it must
 * only hand them to Kysely as values, never compute with them. Booleans, null and
 * undefined are passed as they are and select the shape (e.g. an optional condition),
 * as does each array's length. The values named in `inline` are passed as they are
 * too, each value its own shape, for what must be written into the SQL text (a
 * LIMIT: db/portable.ts literalLimit).
 */
export function compiledQuery<Values extends QueryValues, Row>(
  build: (db: Executor, values: Values) => Compilable<Row>,
  options: { inline?: ReadonlyArray<keyof Values & string> } = {},
): CompiledQueryRunner<Values, Row> {
  const inline = new Set<string>(options.inline ?? []);
  // Per adapter, i.e. per Kysely instance (its transactions share it): one process may
  // hold a SQLite and a PostgreSQL database at once, and their SQL differs.
  const shapesByAdapter = new WeakMap<object, Map<string, Shape>>();

  function shapeFor(db: Executor, values: Values): Shape {
    const adapter = db.getExecutor().adapter;
    let shapes = shapesByAdapter.get(adapter);
    if (shapes === undefined) {
      shapes = new Map();
      shapesByAdapter.set(adapter, shapes);
    }
    const key = shapeKey(values, inline);
    let shape = shapes.get(key);
    if (shape === undefined) {
      shape = compileShape(db, build, values, inline);
      // Past the bound, an unusual stream of shapes is compiled each time, not kept.
      if (shapes.size < SHAPES_PER_QUERY) shapes.set(key, shape);
    }
    return shape;
  }

  async function run(db: Executor, values: Values): Promise<QueryResult<Row>> {
    const shape = shapeFor(db, values);
    const parameters = shape.bindings.map((binding) =>
      binding instanceof Placeholder ? valueOf(values, binding) : binding.fixed,
    );
    const compiled: CompiledQuery<Row> = {
      query: shape.query,
      sql: shape.sql,
      parameters,
      queryId: createQueryId(),
    };
    return db.executeQuery(compiled);
  }

  return {
    execute: async (db, values) => (await run(db, values)).rows,
    executeTakeFirst: async (db, values) => (await run(db, values)).rows[0],
  };
}

/** What selects the SQL text: the value names, each list's length, each flag's and inlined value. */
function shapeKey(values: QueryValues, inline: ReadonlySet<string>): string {
  let key = '';
  for (const name in values) {
    const value = values[name];
    if (Array.isArray(value)) key += `${name}[${value.length}]`;
    else if (
      value === null ||
      value === undefined ||
      typeof value === 'boolean' ||
      inline.has(name)
    )
      key += `${name}=${String(value)}`;
    else key += name;
    key += ',';
  }
  return key;
}

function compileShape<Values extends QueryValues, Row>(
  db: Executor,
  build: (db: Executor, values: Values) => Compilable<Row>,
  values: Values,
  inline: ReadonlySet<string>,
): Shape {
  const placeholders: Record<string, unknown> = {};
  for (const name in values) {
    const value = values[name];
    if (inline.has(name)) placeholders[name] = value;
    else if (Array.isArray(value))
      placeholders[name] = value.map((_, i) => new Placeholder(name, i));
    else if (typeof value === 'string' || typeof value === 'number')
      placeholders[name] = new Placeholder(name, -1);
    else placeholders[name] = value;
  }
  const compiled = build(db, placeholders as Values).compile();
  return {
    query: compiled.query,
    sql: compiled.sql,
    bindings: compiled.parameters.map((parameter) =>
      parameter instanceof Placeholder ? parameter : { fixed: parameter },
    ),
  };
}

function valueOf(values: QueryValues, placeholder: Placeholder): unknown {
  const value = values[placeholder.key];
  return placeholder.index < 0 ? value : (value as readonly unknown[])[placeholder.index];
}
