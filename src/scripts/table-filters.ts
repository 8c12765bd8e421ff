// Filters for a table whose rows carry data-* values (a hub's tools by category and risk).
// The controls are hidden in the HTML, so a page without JavaScript shows every row and
// no control that does nothing; filtering hides rows in place, without a reload.
for (const controls of document.querySelectorAll<HTMLElement>('[data-filters-for]')) {
  const table = document.getElementById(controls.dataset.filtersFor ?? '');
  const body = table instanceof HTMLTableElement ? table.tBodies[0] : undefined;
  if (!body) continue;
  const selects = [...controls.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const status = controls.querySelector<HTMLElement>('[data-filter-status]');
  const apply = (): void => {
    let shown = 0;
    for (const row of body.rows) {
      const keep = selects.every((select) => select.value === '' || row.dataset[select.dataset.filter ?? ''] === select.value);
      row.hidden = !keep;
      if (keep) shown += 1;
    }
    if (status) status.textContent = shown === body.rows.length ? '' : `${shown} of ${body.rows.length} tools shown`;
  };
  for (const select of selects) select.addEventListener('change', apply);
  controls.hidden = false;
  apply();
}
