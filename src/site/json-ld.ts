/**
 * JSON for a `<script type="application/ld+json">` block. Catalogue text can hold
 * `</script>` or `<!--`; escaping `<`, `>` and `&` (and the two JavaScript line
 * separators) keeps any string inside the JSON and the block inert.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
