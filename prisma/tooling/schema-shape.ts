// The shape of a PostgreSQL schema that both schema.prisma (what we declare) and a migrated
// database (what we have) reduce to, so the two can be compared without Prisma's migrate engine.

export type ColumnShape = {
  /** Normalised SQL type: uuid, text, integer, bigint, boolean, jsonb, timestamptz(3), date, enum:"schema"."Name" … */
  type: string;
  nullable: boolean;
  /** Normalised default expression, or null: CURRENT_TIMESTAMP, 0, true, 'USER', autoincrement. */
  default: string | null;
};

export type IndexShape = {
  name: string;
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** Partial indexes (WHERE …) cannot be declared in schema.prisma; they live only in migration SQL. */
  partial?: boolean;
};

export type ForeignKeyShape = {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';
  onUpdate: 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';
};

export type SchemaShape = {
  schemas: string[];
  /** "schema"."Name" → values in order */
  enums: Record<string, string[]>;
  /** "schema"."table" → column name → shape (columns kept in declaration order) */
  tables: Record<string, Record<string, ColumnShape>>;
  /** index name qualified by schema → shape */
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
};

export const qualify = (schema: string, name: string) => `"${schema}"."${name}"`;
