// Runs in <head>, before the first paint, so a reader who chose a theme never sees the
// other one flash. Without a stored choice the stylesheet follows the system setting.
try {
  var theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (error) {
  // Storage can be blocked (private modes, strict settings): the system setting applies.
}
