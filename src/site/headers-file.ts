/**
 * The `/*` block of a `_headers` file (the format Netlify and Cloudflare Pages read):
 * the security headers the site ships. Read by `astro preview` (astro.config.mjs), so that
 * what people try locally sends what they deploy, and by the browser tests' server.
 */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inAll && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
