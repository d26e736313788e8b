/** The query lib's test table builder (money in yuan in, cents stored), for report specs. */
export { buildTable, buildTables, type PlainRow } from '../../../query/src/testing/table-builder';
