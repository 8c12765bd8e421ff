// The header's search box on every page: results open under it as the reader types (the
// ARIA combobox pattern: arrow keys move through them, Enter opens one, Escape closes),
// and Enter without a chosen result opens the search page with its filters. Pagefind is
// loaded on first focus, never with the page.

import { capText } from '../catalogue/display-caps.ts';
import { find, pagefind } from './search-engine.ts';

const form = document.querySelector<HTMLFormElement>('#site-search-form');
const input = document.querySelector<HTMLInputElement>('#site-search');
const listbox = document.querySelector<HTMLUListElement>('#site-search-results');
const announcer = document.querySelector<HTMLElement>('#site-search-status');

/** Results under the box. */
const SHOWN = 6;
const TYPING_PAUSE_MS = 30;
const NAME_LIMIT = 80;

if (form && input && listbox && announcer) {
  let active = -1;
  let turn = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;

  const options = (): HTMLLIElement[] => [...listbox.querySelectorAll<HTMLLIElement>('[role="option"]')];

  const close = (): void => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index: number): void => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, position) => option.setAttribute('aria-selected', String(position === active)));
    input.setAttribute('aria-activedescendant', all[active]!.id);
    all[active]!.scrollIntoView({ block: 'nearest' });
  };

  const show = async (): Promise<void> => {
    const mine = (turn += 1);
    const term = input.value.trim();
    if (term === '') {
      close();
      return;
    }
    const api = await pagefind();
    if (!api || mine !== turn) return;
    const found = await find(api, term, {}, () => mine !== turn);
    if (!found || mine !== turn) return;
    const items = found.ranked.slice(0, SHOWN).map(({ data }, index) => {
      const option = document.createElement('li');
      option.id = `site-search-option-${index}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.href = data.url;
      // Catalogue text as text nodes only, isolated so a bidi override cannot reorder the rest.
      const name = document.createElement('bdi');
      name.className = 'mono';
      name.textContent = capText(data.meta.title ?? data.url, NAME_LIMIT);
      option.append(name);
      const where = data.meta.type === 'Server' ? 'MCP server' : data.meta.server ? `on ${capText(data.meta.server, NAME_LIMIT)}` : '';
      if (where) option.append(' ', Object.assign(document.createElement('span'), { className: 'note', textContent: where }));
      if (data.meta.risk) option.append(' ', Object.assign(document.createElement('span'), { className: `badge risk-${data.meta.risk.toLowerCase()}`, textContent: data.meta.risk }));
      option.addEventListener('mousedown', (event) => {
        // Before the box loses focus: open the result.
        event.preventDefault();
        location.href = data.url;
      });
      return option;
    });
    const all = document.createElement('li');
    all.id = `site-search-option-${items.length}`;
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.className = 'see-all';
    const total = Math.max(found.ranked.length, found.search.results.length);
    all.textContent = total === 0 ? 'No match: search the catalogue' : `See all ${total.toLocaleString('en-US')} results`;
    all.dataset.href = `${form.action}?q=${encodeURIComponent(term)}`;
    all.addEventListener('mousedown', (event) => {
      event.preventDefault();
      location.href = all.dataset.href!;
    });
    listbox.replaceChildren(...items, all);
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    input.removeAttribute('aria-activedescendant');
    announcer.textContent = items.length === 0 ? 'No matching tool or server.' : `${items.length} suggestions. Use the arrow keys to choose.`;
  };

  input.addEventListener('focus', () => void pagefind(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(() => void show(), TYPING_PAUSE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (listbox.hidden) void show();
      else highlight(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === 'Escape') {
      if (!listbox.hidden) {
        event.preventDefault();
        close();
      }
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.href = options()[active]!.dataset.href!;
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
