// Small statistics and a plain-text table for benchmark output.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))))];
}

export function printTable(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [header, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => String(row[column] ?? '').length)));
  const line = (row: readonly (string | number)[]) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

/**
 * A table printed a row at a time, for benchmarks whose rows take minutes each: the title
 * and header at once, every row as soon as it is measured. Columns are as wide as their
 * header or `minWidth`; a longer cell widens only its own row.
 */
export function startTable(title: string, header: readonly string[], minWidth = 10): { row(cells: readonly (string | number)[]): void } {
  const widths = header.map((name, column) => Math.max(name.length, column === 0 ? 2 * minWidth : minWidth));
  const line = (row: readonly (string | number)[]) =>
    row
      .map((cell, column) => String(cell).padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  return {
    row(cells) {
      console.log(line(cells.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell))));
    },
  };
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
}
