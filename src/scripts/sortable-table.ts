// Column sorting for tables marked `sortable`: the HTML arrives sorted in the server's
// own order and stays usable without JavaScript; this adds sorting on header click.
for (const table of document.querySelectorAll<HTMLTableElement>('table.sortable')) {
  const body = table.tBodies[0];
  if (!body) continue;
  table.querySelectorAll('th').forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = header.textContent ?? '';
    header.textContent = '';
    header.append(button);
    header.setAttribute('aria-sort', 'none');
    button.addEventListener('click', () => {
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th').forEach((other) => other.setAttribute('aria-sort', 'none'));
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row: HTMLTableRowElement): string => {
        const cell = row.cells[column];
        return cell?.dataset.sort ?? cell?.textContent ?? '';
      };
      const rows = [...body.rows].sort((a, b) => {
        const order = key(a).localeCompare(key(b), 'en', { numeric: true });
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}
