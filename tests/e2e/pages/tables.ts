/**
 * The pages' grids and tables as assistive technology reads them: a table by its role and name, a
 * cell by its column header's accessible name, the active row by aria-activedescendant. A column
 * moved, added or restyled then moves the cell a test reads with it, or fails saying which column
 * is missing, instead of silently reading another.
 */
import type { Locator, Page } from '@playwright/test';

/** The body rows of a grid or table: the header row is not one. */
export function bodyRows(table: Locator): Locator {
  return table.locator('tbody').getByRole('row');
}

/** The body rows of the grid named `name` (the manager's "IOCs", "Blocks"). */
export const gridRows = (page: Page, name: string): Locator =>
  bodyRows(page.getByRole('grid', { name, exact: true }));

/** The body rows of the table named `name` (the "Review"). */
export const tableRows = (page: Page, name: string): Locator =>
  bodyRows(page.getByRole('table', { name, exact: true }));

/** A row's cells, left to right: gridcells in a grid, cells in a table. */
export const cellsOf = (row: Locator): Locator => row.getByRole('gridcell').or(row.getByRole('cell'));

/**
 * The position of the one column whose header `matches` says is `column`, for the cell at that
 * position in each row. A missing or doubled column is an error that names it: a reordered or renamed
 * header must fail the test, not make it read the wrong cell.
 */
export function columnIndex(matches: readonly boolean[], column: string): number {
  const found = matches.flatMap((match, index) => (match ? [index] : []));
  if (found.length === 0) throw new Error(`No column header is named "${column}"`);
  if (found.length > 1) throw new Error(`${found.length} column headers are named "${column}"`);
  return found[0] as number;
}

/** Where the column whose header's accessible name is `column` sits among the table's headers. */
export async function columnOf(table: Locator, column: string): Promise<number> {
  // The headers are drawn with the table: once one is, all are.
  await table.getByRole('columnheader').first().waitFor();
  const named = await table.getByRole('columnheader', { name: column, exact: true }).elementHandles();
  const matches = await table
    .getByRole('columnheader')
    .evaluateAll((headers, named) => headers.map((header) => named.includes(header)), named);
  await Promise.all(named.map((handle) => handle.dispose()));
  return columnIndex(matches, column);
}

/** The cell of `row` under the header named `column` of `table`. */
export async function cellOf(row: Locator, table: Locator, column: string): Promise<Locator> {
  return cellsOf(row).nth(await columnOf(table, column));
}

/** The cell at `index` of whichever row it is queried from, for `has` and chained locators. */
const cellAt = (page: Page, index: number): Locator =>
  page.getByRole('gridcell').or(page.getByRole('cell')).nth(index);

/** The cells of every body row under the header named `column`, top to bottom. */
export async function columnCells(table: Locator, column: string): Promise<Locator> {
  return bodyRows(table).locator(cellAt(table.page(), await columnOf(table, column)));
}

/** The body rows whose cell under `column` contains `text`. */
export async function rowsWhere(table: Locator, column: string, text: string | RegExp): Promise<Locator> {
  const cell = cellAt(table.page(), await columnOf(table, column));
  return bodyRows(table).filter({ has: cell.filter({ hasText: text }) });
}

/**
 * The row a grid's aria-activedescendant names, as the grid is now: read it again after a key moves
 * it (inside `expect(…).toPass()` when the move may not be drawn yet).
 */
export async function activeRow(grid: Locator): Promise<Locator> {
  const id = await grid.getAttribute('aria-activedescendant');
  if (!id) throw new Error('The grid names no active row (aria-activedescendant)');
  return grid.getByRole('row').and(grid.page().locator(`[id="${id}"]`));
}

/** The box that scrolls a grid: its parent, which has no role of its own. */
export const scrollerOf = (grid: Locator): Locator => grid.locator('xpath=..');
