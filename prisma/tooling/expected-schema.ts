// Reduces schema.prisma to a SchemaShape through Prisma's own parser (the WebAssembly build,
// which works offline), using the names Prisma's migrate engine would give tables,
// columns, indexes and constraints.
import { readFileSync } from 'node:fs';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { qualify, type ColumnShape, type SchemaShape } from './schema-shape';

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; schema: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName: string | null; schema?: string | null; values: { name: string; dbName: string | null }[] };
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; dbName?: string | null; fields: { name: string }[] };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] } };

const MAX_IDENTIFIER = 63;

/** Prisma's default constraint name: table_col1_col2_suffix, cut to PostgreSQL's 63 bytes. */
export function defaultConstraintName(table: string, columns: string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey') {
  if (suffix === 'pkey') return `${table}_pkey`.slice(0, MAX_IDENTIFIER);
  const base = `${table}_${columns.join('_')}`;
  return `${base.slice(0, MAX_IDENTIFIER - suffix.length - 1)}_${suffix}`;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3)',
  Json: 'jsonb',
  Float: 'double precision',
  Decimal: 'decimal(65,30)',
  Bytes: 'bytea',
};

function nativeSqlType(name: string, args: string[]): string {
  const lower = name.toLowerCase();
  const withArgs = (base: string) => (args.length ? `${base}(${args.join(',')})` : base);
  switch (lower) {
    case 'timestamptz':
      return withArgs('timestamptz');
    case 'timestamp':
      return withArgs('timestamp');
    case 'varchar':
      return withArgs('varchar');
    case 'char':
      return withArgs('char');
    case 'decimal':
      return withArgs('decimal');
    case 'doubleprecision':
      return 'double precision';
    default:
      return lower;
  }
}

function columnDefault(field: DmmfField): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === 'now') return 'CURRENT_TIMESTAMP';
    if (fn.name === 'autoincrement') return 'autoincrement';
    if (fn.name === 'dbgenerated') return String(fn.args[0] ?? '');
    return null; // uuid(), cuid(), nanoid() are filled in by the client, not the database
  }
  if (field.kind === 'enum') return `'${String(value)}'`;
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

export function readDmmf(schemaText: string): Dmmf {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schemaText]] }))) as Dmmf;
}

export function expectedSchemaShape(schemaPath = 'prisma/schema.prisma'): SchemaShape {
  const schemaText = readFileSync(schemaPath, 'utf8');
  const { datamodel } = readDmmf(schemaText);
  // The DMMF omits an enum's @@schema, so read it from the enum's block.
  const enumSchemas = new Map(
    [...schemaText.matchAll(/^enum\s+(\w+)\s*\{([^}]*)\}/gm)].map((m) => [m[1]!, /@@schema\("([^"]+)"\)/.exec(m[2]!)?.[1]]),
  );
  const shape: SchemaShape = { schemas: [], enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  const schemas = new Set<string>();

  const enumQualified = new Map<string, string>();
  for (const e of datamodel.enums) {
    const schema = e.schema ?? enumSchemas.get(e.name) ?? 'public';
    schemas.add(schema);
    const name = qualify(schema, e.dbName ?? e.name);
    enumQualified.set(e.name, name);
    shape.enums[name] = e.values.map((v) => v.dbName ?? v.name);
  }

  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    if (!f) throw new Error(`${m.name}.${fieldName} not found`);
    return f.dbName ?? f.name;
  };

  for (const model of datamodel.models) {
    const schema = model.schema ?? 'public';
    schemas.add(schema);
    const table = tableOf(model);
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      let type: string;
      if (field.kind === 'enum') type = `enum:${enumQualified.get(field.type)}`;
      else if (field.nativeType) type = nativeSqlType(field.nativeType[0], field.nativeType[1]);
      else type = SCALAR_TYPES[field.type] ?? field.type.toLowerCase();
      if (field.isList) type += '[]';
      columns[field.dbName ?? field.name] = {
        type,
        nullable: !field.isRequired,
        default: columnDefault(field),
      };
    }
    shape.tables[qualify(schema, table)] = columns;

    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const target = models.get(field.type)!;
      const fromColumns = field.relationFromFields.map((f) => columnOf(model, f));
      const optional = field.relationFromFields.some((f) => !model.fields.find((x) => x.name === f)!.isRequired);
      const name = defaultConstraintName(table, fromColumns, 'fkey');
      shape.foreignKeys[qualify(schema, name)] = {
        name,
        table: qualify(schema, table),
        columns: fromColumns,
        referencedTable: qualify(target.schema ?? 'public', tableOf(target)),
        referencedColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
        onDelete: referentialAction(field.relationOnDelete, optional ? 'SET NULL' : 'RESTRICT'),
        onUpdate: referentialAction(field.relationOnUpdate, 'CASCADE'),
      };
    }
  }

  for (const index of datamodel.indexes) {
    const model = models.get(index.model)!;
    const schema = model.schema ?? 'public';
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const suffix = index.type === 'id' ? 'pkey' : index.type === 'unique' ? 'key' : 'idx';
    const name = index.dbName ?? defaultConstraintName(table, columns, suffix);
    shape.indexes[qualify(schema, name)] = {
      name,
      table: qualify(schema, table),
      columns,
      unique: index.type !== 'normal',
      primary: index.type === 'id',
    };
  }

  shape.schemas = [...schemas].sort();
  return shape;
}

function referentialAction(action: string | undefined, fallback: ForeignAction): ForeignAction {
  switch (action) {
    case 'Cascade':
      return 'CASCADE';
    case 'Restrict':
      return 'RESTRICT';
    case 'SetNull':
      return 'SET NULL';
    case 'NoAction':
      return 'NO ACTION';
    case 'SetDefault':
      return 'SET DEFAULT';
    default:
      return fallback;
  }
}
type ForeignAction = 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';
