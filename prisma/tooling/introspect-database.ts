// Reads a live PostgreSQL database into a SchemaShape (information_schema and pg_catalog only,
// so it works the same on PostgreSQL 15 and 18).
import type pg from 'pg';
import { qualify, type ColumnShape, type SchemaShape } from './schema-shape';

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

function normaliseType(row: { data_type: string; udt_schema: string; udt_name: string; datetime_precision: number | null; character_maximum_length: number | null }) {
  switch (row.data_type) {
    case 'USER-DEFINED':
      return `enum:${qualify(row.udt_schema, row.udt_name)}`;
    case 'timestamp with time zone':
      return `timestamptz(${row.datetime_precision})`;
    case 'timestamp without time zone':
      return `timestamp(${row.datetime_precision})`;
    case 'character varying':
      return row.character_maximum_length ? `varchar(${row.character_maximum_length})` : 'varchar';
    case 'numeric':
      return 'decimal(65,30)';
    case 'ARRAY':
      return `${row.udt_name.replace(/^_/, '')}[]`;
    default:
      return row.data_type;
  }
}

/** 'USER'::auth."Role" → 'USER'; nextval(...) → autoincrement; ''::text → '' */
export function normaliseDefault(expression: string | null): string | null {
  if (expression === null) return null;
  if (expression.startsWith('nextval(')) return 'autoincrement';
  const literal = expression.match(/^('(?:[^']|'')*')::[\w".]+$/);
  if (literal) return literal[1]!;
  return expression;
}

export async function introspectDatabase(client: pg.ClientBase, schemas: string[]): Promise<SchemaShape> {
  const shape: SchemaShape = { schemas: [], enums: {}, tables: {}, indexes: {}, foreignKeys: {} };

  const present = await client.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname = ANY($1) ORDER BY nspname`,
    [schemas],
  );
  shape.schemas = present.rows.map((r) => r.nspname);

  const enums = await client.query<{ schema: string; name: string; value: string }>(
    `SELECT n.nspname AS schema, t.typname AS name, e.enumlabel AS value
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = ANY($1) ORDER BY n.nspname, t.typname, e.enumsortorder`,
    [schemas],
  );
  for (const row of enums.rows) (shape.enums[qualify(row.schema, row.name)] ??= []).push(row.value);

  const columns = await client.query(
    `SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.udt_schema, c.udt_name,
            c.datetime_precision, c.character_maximum_length, c.is_nullable, c.column_default
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = ANY($1) AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'
      ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
    [schemas],
  );
  for (const row of columns.rows) {
    const table = (shape.tables[qualify(row.table_schema, row.table_name)] ??= {});
    const column: ColumnShape = {
      type: normaliseType(row),
      nullable: row.is_nullable === 'YES',
      default: normaliseDefault(row.column_default),
    };
    table[row.column_name] = column;
  }

  const indexes = await client.query<{ schema: string; table: string; name: string; unique: boolean; primary: boolean; columns: string[]; partial: boolean }>(
    `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, x.indisunique AS unique,
            x.indisprimary AS primary, x.indpred IS NOT NULL AS partial,
            ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = ANY($1) AND t.relname <> '_prisma_migrations'`,
    [schemas],
  );
  for (const row of indexes.rows) {
    shape.indexes[qualify(row.schema, row.name)] = {
      name: row.name,
      table: qualify(row.schema, row.table),
      columns: row.columns,
      unique: row.unique,
      primary: row.primary,
      ...(row.partial ? { partial: true } : {}),
    };
  }

  const fks = await client.query(
    `SELECT n.nspname AS schema, c.conname AS name, t.relname AS table, rn.nspname AS ref_schema, rt.relname AS ref_table,
            c.confdeltype, c.confupdtype,
            ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class rt ON rt.oid = c.confrelid JOIN pg_namespace rn ON rn.oid = rt.relnamespace
      WHERE c.contype = 'f' AND n.nspname = ANY($1)`,
    [schemas],
  );
  for (const row of fks.rows) {
    shape.foreignKeys[qualify(row.schema, row.name)] = {
      name: row.name,
      table: qualify(row.schema, row.table),
      columns: row.columns,
      referencedTable: qualify(row.ref_schema, row.ref_table),
      referencedColumns: row.ref_columns,
      onDelete: ACTIONS[row.confdeltype] as never,
      onUpdate: ACTIONS[row.confupdtype] as never,
    };
  }
  return shape;
}
