// Renders schema changes as migration SQL in the form Prisma's migrate engine writes it, so a
// migration drafted here reads like one Prisma would have generated.
import type { SchemaChange } from './diff-schema';
import type { ColumnShape } from './schema-shape';

const quoteIdent = (name: string) => `"${name}"`;

function sqlType(shape: ColumnShape): string {
  if (shape.default === 'autoincrement') return shape.type === 'bigint' ? 'BIGSERIAL' : 'SERIAL';
  if (shape.type.startsWith('enum:')) return shape.type.slice('enum:'.length);
  return shape.type.toUpperCase();
}

function columnSql(name: string, shape: ColumnShape): string {
  let sql = `${quoteIdent(name)} ${sqlType(shape)}`;
  if (!shape.nullable) sql += ' NOT NULL';
  if (shape.default !== null && shape.default !== 'autoincrement') sql += ` DEFAULT ${shape.default}`;
  return sql;
}

const columnList = (columns: string[]) => columns.map(quoteIdent).join(', ');

export function renderMigrationSql(changes: SchemaChange[]): string {
  const order: SchemaChange['kind'][] = [
    'create-schema', 'create-enum', 'add-enum-value', 'drop-foreign-key', 'drop-index', 'drop-column',
    'drop-table', 'create-table', 'add-column', 'alter-column', 'create-index', 'add-foreign-key', 'drop-enum-value',
  ];
  const blocks: string[] = [];
  for (const kind of order) {
    for (const change of changes.filter((c) => c.kind === kind)) blocks.push(renderChange(change));
  }
  return blocks.join('\n\n') + '\n';
}

function renderChange(change: SchemaChange): string {
  switch (change.kind) {
    case 'create-schema':
      return `-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS ${quoteIdent(change.schema)};`;
    case 'create-enum':
      return `-- CreateEnum\nCREATE TYPE ${change.name} AS ENUM (${change.values.map((v) => `'${v}'`).join(', ')});`;
    case 'add-enum-value':
      return `-- AlterEnum\nALTER TYPE ${change.name} ADD VALUE '${change.value}';`;
    case 'drop-enum-value':
      return `-- AlterEnum: dropping '${change.value}' from ${change.name} needs a new type and a column rewrite; write it by hand`;
    case 'create-table': {
      const lines = Object.entries(change.columns).map(([name, shape]) => `    ${columnSql(name, shape)}`);
      if (change.primaryKey) {
        lines.push(`    CONSTRAINT ${quoteIdent(change.primaryKey.name)} PRIMARY KEY (${columnList(change.primaryKey.columns)})`);
      }
      return `-- CreateTable\nCREATE TABLE ${change.table} (\n${lines.join(',\n')}\n);`;
    }
    case 'drop-table':
      return `-- DropTable\nDROP TABLE ${change.table};`;
    case 'add-column':
      return `-- AlterTable\nALTER TABLE ${change.table} ADD COLUMN ${columnSql(change.column, change.shape)};`;
    case 'drop-column':
      return `-- AlterTable\nALTER TABLE ${change.table} DROP COLUMN ${quoteIdent(change.column)};`;
    case 'alter-column':
      return renderAlterColumn(change.table, change.column, change.from, change.to);
    case 'create-index': {
      const { index } = change;
      if (index.primary) {
        return `-- AddPrimaryKey\nALTER TABLE ${index.table} ADD CONSTRAINT ${quoteIdent(index.name)} PRIMARY KEY (${columnList(index.columns)});`;
      }
      return `-- CreateIndex\nCREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(index.name)} ON ${index.table}(${columnList(index.columns)});`;
    }
    case 'drop-index': {
      const schema = change.index.table.split('.')[0];
      if (change.index.primary) return `-- DropPrimaryKey\nALTER TABLE ${change.index.table} DROP CONSTRAINT ${quoteIdent(change.index.name)};`;
      return `-- DropIndex\nDROP INDEX ${schema}.${quoteIdent(change.index.name)};`;
    }
    case 'add-foreign-key': {
      const fk = change.foreignKey;
      return `-- AddForeignKey\nALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${fk.referencedTable}(${columnList(fk.referencedColumns)}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate};`;
    }
    case 'drop-foreign-key':
      return `-- DropForeignKey\nALTER TABLE ${change.foreignKey.table} DROP CONSTRAINT ${quoteIdent(change.foreignKey.name)};`;
  }
}

function renderAlterColumn(table: string, column: string, from: ColumnShape, to: ColumnShape): string {
  const steps: string[] = [];
  const col = quoteIdent(column);
  if (from.type !== to.type) steps.push(`ALTER COLUMN ${col} SET DATA TYPE ${sqlType(to)} USING ${col}::${sqlType(to)}`);
  if (from.nullable !== to.nullable) steps.push(`ALTER COLUMN ${col} ${to.nullable ? 'DROP' : 'SET'} NOT NULL`);
  if (from.default !== to.default) {
    steps.push(to.default === null ? `ALTER COLUMN ${col} DROP DEFAULT` : `ALTER COLUMN ${col} SET DEFAULT ${to.default}`);
  }
  return `-- AlterTable\nALTER TABLE ${table} ${steps.join(',\n')};`;
}
