// The header's theme button: shown only where this script runs (a button that could do
// nothing stays hidden), it flips between light and dark and remembers the choice.
// public/theme.js applies the remembered choice on later pages before they paint.
const STORAGE_KEY = 'theme';
type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === 'light' || pinned === 'dark') return pinned;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function label(button: HTMLButtonElement): void {
  const dark = currentTheme() === 'dark';
  button.setAttribute('aria-pressed', String(dark));
  button.title = dark ? 'Use the light theme' : 'Use the dark theme';
}

const button = document.querySelector<HTMLButtonElement>('button.theme-toggle');
if (button) {
  button.hidden = false;
  label(button);
  button.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice holds for this page only.
    }
    label(button);
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => label(button));
}
