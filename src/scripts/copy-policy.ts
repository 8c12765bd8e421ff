// Copy buttons are hidden in the HTML so that pages without JavaScript show no dead
// control; this script reveals them where the Clipboard API exists.
for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy-policy')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const target = document.getElementById(button.dataset.copyTarget ?? '');
    const code = target?.querySelector('pre')?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(code.endsWith('\n') ? code : `${code}\n`);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed: select the text instead';
    }
  });
}
