// Differences between the schema we declare and the database we have, as steps that turn
// `actual` into `expected`. The drift test reports them; scripts/draft-migration.ts renders
// them as the SQL of the next migration.
import type { ColumnShape, ForeignKeyShape, IndexShape, SchemaShape } from './schema-shape';

export type SchemaChange =
  | { kind: 'create-schema'; schema: string }
  | { kind: 'create-enum'; name: string; values: string[] }
  | { kind: 'add-enum-value'; name: string; value: string }
  | { kind: 'drop-enum-value'; name: string; value: string }
  | { kind: 'create-table'; table: string; columns: Record<string, ColumnShape>; primaryKey?: IndexShape }
  | { kind: 'drop-table'; table: string }
  | { kind: 'add-column'; table: string; column: string; shape: ColumnShape }
  | { kind: 'drop-column'; table: string; column: string }
  | { kind: 'alter-column'; table: string; column: string; from: ColumnShape; to: ColumnShape }
  | { kind: 'create-index'; index: IndexShape }
  | { kind: 'drop-index'; index: IndexShape }
  | { kind: 'add-foreign-key'; foreignKey: ForeignKeyShape }
  | { kind: 'drop-foreign-key'; foreignKey: ForeignKeyShape };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffSchema(expected: SchemaShape, actual: SchemaShape): SchemaChange[] {
  const changes: SchemaChange[] = [];

  for (const schema of expected.schemas) {
    if (!actual.schemas.includes(schema)) changes.push({ kind: 'create-schema', schema });
  }

  for (const [name, values] of Object.entries(expected.enums)) {
    const have = actual.enums[name];
    if (!have) {
      changes.push({ kind: 'create-enum', name, values });
      continue;
    }
    for (const value of values) if (!have.includes(value)) changes.push({ kind: 'add-enum-value', name, value });
    for (const value of have) if (!values.includes(value)) changes.push({ kind: 'drop-enum-value', name, value });
  }

  const primaryKeyOf = (shape: SchemaShape, table: string) =>
    Object.values(shape.indexes).find((i) => i.table === table && i.primary);

  for (const [table, columns] of Object.entries(expected.tables)) {
    const have = actual.tables[table];
    if (!have) {
      changes.push({ kind: 'create-table', table, columns, primaryKey: primaryKeyOf(expected, table) });
      continue;
    }
    for (const [column, shape] of Object.entries(columns)) {
      if (!have[column]) changes.push({ kind: 'add-column', table, column, shape });
      else if (!same(have[column], shape)) changes.push({ kind: 'alter-column', table, column, from: have[column], to: shape });
    }
    for (const column of Object.keys(have)) if (!columns[column]) changes.push({ kind: 'drop-column', table, column });
  }
  for (const table of Object.keys(actual.tables)) {
    if (!expected.tables[table]) changes.push({ kind: 'drop-table', table });
  }

  const createdTables = new Set(changes.flatMap((c) => (c.kind === 'create-table' ? [c.table] : [])));
  for (const [name, index] of Object.entries(expected.indexes)) {
    if (index.primary && createdTables.has(index.table)) continue; // declared inside CREATE TABLE
    const have = actual.indexes[name];
    if (!have) changes.push({ kind: 'create-index', index });
    else if (!same({ ...have, partial: undefined }, { ...index, partial: undefined })) {
      changes.push({ kind: 'drop-index', index: have }, { kind: 'create-index', index });
    }
  }
  for (const [name, index] of Object.entries(actual.indexes)) {
    if (!expected.indexes[name] && !index.partial && expected.tables[index.table]) changes.push({ kind: 'drop-index', index });
  }

  for (const [name, fk] of Object.entries(expected.foreignKeys)) {
    const have = actual.foreignKeys[name];
    if (!have) changes.push({ kind: 'add-foreign-key', foreignKey: fk });
    else if (!same(have, fk)) changes.push({ kind: 'drop-foreign-key', foreignKey: have }, { kind: 'add-foreign-key', foreignKey: fk });
  }
  for (const [name, fk] of Object.entries(actual.foreignKeys)) {
    if (!expected.foreignKeys[name] && expected.tables[fk.table]) changes.push({ kind: 'drop-foreign-key', foreignKey: fk });
  }
  return changes;
}

export function describeChange(change: SchemaChange): string {
  switch (change.kind) {
    case 'create-schema':
      return `schema ${change.schema} is missing`;
    case 'create-enum':
      return `enum ${change.name} is missing`;
    case 'add-enum-value':
      return `enum ${change.name} lacks value ${change.value}`;
    case 'drop-enum-value':
      return `enum ${change.name} has extra value ${change.value}`;
    case 'create-table':
      return `table ${change.table} is missing`;
    case 'drop-table':
      return `table ${change.table} is not in schema.prisma`;
    case 'add-column':
      return `column ${change.table}.${change.column} is missing`;
    case 'drop-column':
      return `column ${change.table}.${change.column} is not in schema.prisma`;
    case 'alter-column':
      return `column ${change.table}.${change.column} is ${JSON.stringify(change.from)}, schema.prisma says ${JSON.stringify(change.to)}`;
    case 'create-index':
      return `index ${change.index.name} on ${change.index.table}(${change.index.columns.join(', ')}) is missing`;
    case 'drop-index':
      return `index ${change.index.name} on ${change.index.table} differs from schema.prisma`;
    case 'add-foreign-key':
      return `foreign key ${change.foreignKey.name} is missing`;
    case 'drop-foreign-key':
      return `foreign key ${change.foreignKey.name} differs from schema.prisma`;
  }
}
