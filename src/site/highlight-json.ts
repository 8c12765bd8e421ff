/**
 * The policy highlighter: the same HTML that Shiki (github-light, styles turned into
 * classes) gives for a JSON document printed by `JSON.stringify(value, null, 2)`, without
 * running a TextMate grammar for every page. On a catalogue of 100,000 tools the general
 * highlighter was about a sixth of the page-rendering time; a test holds this module to
 * Shiki's bytes on every policy of the bundled catalogue and on hostile strings.
 *
 * How Shiki colours such a document: keys, numbers, true, false, null and escapes inside
 * strings take one colour; string values another; brackets, commas, colons and spaces the
 * foreground. Adjacent tokens of one colour merge, and a run of spaces then merges into
 * the token after it.
 */

const CLASS = {
  punctuation: 'sk-jjvyw2',
  constant: 'sk-12ls7s',
  string: 'sk-84gupw',
} as const;
type Kind = keyof typeof CLASS;

const OPEN = '<pre class="shiki github-light sk-it1vqg" tabindex="0"><code>';
const CLOSE = '</code></pre>';

/** Text as hast-util-to-html writes it: only `&` and `<` are escaped, in hexadecimal. */
function text(value: string): string {
  return value.replace(/[&<]/g, (char) => (char === '&' ? '&#x26;' : '&#x3C;'));
}

const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

/** The tokens of one line, coloured, before merging. */
function tokensOf(line: string): [Kind, string][] {
  const tokens: [Kind, string][] = [];
  let at = 0;
  while (at < line.length) {
    const char = line[at]!;
    if (char === '"') {
      let end = at + 1;
      while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
      const literal = line.slice(at, end + 1);
      const isKey = /^\s*:/.test(line.slice(end + 1));
      if (isKey) {
        tokens.push(['constant', literal]);
      } else {
        let last = 0;
        for (const match of literal.matchAll(ESCAPE)) {
          if (match.index > last) tokens.push(['string', literal.slice(last, match.index)]);
          tokens.push(['constant', match[0]]);
          last = match.index + match[0].length;
        }
        if (last < literal.length) tokens.push(['string', literal.slice(last)]);
      }
      at = end + 1;
    } else if (/[-0-9]/.test(char)) {
      const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(line.slice(at))![0];
      tokens.push(['constant', number]);
      at += number.length;
    } else if (/[tfn]/.test(char)) {
      const word = /^(?:true|false|null)/.exec(line.slice(at))![0];
      tokens.push(['constant', word]);
      at += word.length;
    } else {
      tokens.push(['punctuation', char]);
      at += 1;
    }
  }
  return tokens;
}

function lineHtml(line: string): string {
  const merged: [Kind, string][] = [];
  for (const [kind, value] of tokensOf(line)) {
    const previous = merged[merged.length - 1];
    if (previous && previous[0] === kind) previous[1] += value;
    else merged.push([kind, value]);
  }
  let html = '';
  let carry = '';
  merged.forEach(([kind, value], index) => {
    if (/^\s+$/.test(value) && index < merged.length - 1) {
      carry += value;
      return;
    }
    html += `<span class="${CLASS[kind]}">${text(carry + value)}</span>`;
    carry = '';
  });
  return `<span class="line">${html}</span>`;
}

/** `json` must be the output of JSON.stringify(value, null, 2). */
export function highlightJson(json: string): string {
  return `${OPEN}${json.split('\n').map(lineHtml).join('\n')}${CLOSE}`;
}
