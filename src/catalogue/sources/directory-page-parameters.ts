/**
 * Parameter lists read from a directory's web page rather than from `tools/list` pick up
 * the page's own text along with the parameter names. Toucan's Smithery-page records show
 * the same kinds of text over and over; none of them is a parameter:
 * - the tool's own name (the heading of its panel) and the names of the server's other
 *   tools, with the capitalised heading before them (links under "Next");
 * - "True" and "False" (the labels of a switch) and "Add" then "Item" (a list editor's button);
 * - the tool's description, split into one "parameter" per word: `Retrieve`, `a`, `user`
 *   before the real `user_id` (two words or more of the description in its order, or a
 *   capitalised word and the plain words after it when the description is missing);
 * - a single word with a capital first that the description also has (`Keyword` of
 *   "Keyword Arguments", `FastMCP`), unless the tool names its parameters in PascalCase
 *   (`Prefix` beside `RegionId`).
 * A key the page marks required is a parameter whatever its name: the page marks only
 * those, and a sentence split into keys ends before one (`Get`, `project`, `id`*).
 * Pure: takes a tool's schema and returns it without those keys.
 */

type JsonObject = Record<string, unknown>;

const SWITCH_LABELS: ReadonlySet<string> = new Set(['True', 'False']);
/** A capitalised word, as prose opens a sentence: `Retrieve`, `Delete`. */
const CAPITALISED = /^[A-Z][a-z]+$/;
const CAPITAL_FIRST = /^[A-Z][A-Za-z]*$/;
/** A word of prose: letters only, never a lower-case letter before a capital (`pageSize`, `RegionId`). */
const PROSE_WORD = /^(?:[A-Za-z]|[A-Z]+|[A-Z]?[a-z]+)$/;
/** A parameter named in PascalCase: `RegionId`, `InstanceIds`. */
const PASCAL_CASE = /^[A-Z][a-z]+[A-Z]/;

export interface PageParameterContext {
  toolName: string;
  /** Every tool name of the server, this one included. */
  toolNames: ReadonlySet<string>;
  /** The description as the page gave it, before any cleaning. */
  description: string;
}

/** The keys of `properties` that are the page's text rather than parameters. */
export function pageTextKeys(keys: readonly string[], required: ReadonlySet<string>, context: PageParameterContext): Set<string> {
  const dropped = new Set<string>();
  const descriptionWords = new Set(context.description.match(/[A-Za-z]+/g) ?? []);
  // A tool whose own parameters are PascalCase may have a real `Prefix`; one whose only
  // PascalCase words come from its description (`FastMCP`) has not.
  const pascalCase = keys.some((key) => PASCAL_CASE.test(key) && !descriptionWords.has(key));
  const sequence = (context.description.match(/[A-Za-z0-9]+/g) ?? []).map((word) => word.toLowerCase());
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    if (required.has(key)) continue;
    const quoted = quotedRun(keys, i, sequence, required);
    if (quoted >= 2) {
      // The description itself, one key a word: "Search", "for", "GitHub", "repositories".
      for (let j = i; j < i + quoted; j += 1) dropped.add(keys[j]!);
      i += quoted - 1;
    } else if (key === context.toolName || context.toolNames.has(key) || SWITCH_LABELS.has(key)) {
      dropped.add(key);
    } else if (key === 'Add' && keys[i + 1] === 'Item') {
      dropped.add(key).add('Item');
      i += 1;
    } else if (CAPITAL_FIRST.test(key)) {
      // A sentence split into keys: the capitalised word and the words of prose after it.
      let end = i + 1;
      while (end < keys.length && PROSE_WORD.test(keys[end]!) && !context.toolNames.has(keys[end]!) && !required.has(keys[end]!)) end += 1;
      if (end - i >= 2 && CAPITALISED.test(key)) {
        for (let j = i; j < end; j += 1) dropped.add(keys[j]!);
        i = end - 1;
      } else if (context.toolNames.has(keys[i + 1] ?? '') || (!pascalCase && descriptionWords.has(key))) {
        // The heading of links to other tools ("Next"), or a word of the description.
        dropped.add(key);
      }
    }
  }
  return dropped;
}

/** How many keys from `start` spell words of the description in its order (case aside). */
function quotedRun(keys: readonly string[], start: number, sequence: readonly string[], required: ReadonlySet<string>): number {
  let longest = 0;
  const first = keys[start]!.toLowerCase();
  for (let at = sequence.indexOf(first); at !== -1; at = sequence.indexOf(first, at + 1)) {
    let length = 0;
    while (
      start + length < keys.length &&
      at + length < sequence.length &&
      !required.has(keys[start + length]!) &&
      keys[start + length]!.toLowerCase() === sequence[at + length]
    ) {
      length += 1;
    }
    longest = Math.max(longest, length);
  }
  return longest;
}

/** The schema without the keys that are page text; the same object when there are none. */
export function withoutPageText(schema: unknown, context: PageParameterContext): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const { properties, required } = schema as JsonObject;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return schema;
  const marked = new Set(Array.isArray(required) ? required.map(String) : []);
  const dropped = pageTextKeys(Object.keys(properties), marked, context);
  if (dropped.size === 0) return schema;
  const kept = Object.fromEntries(Object.entries(properties).filter(([key]) => !dropped.has(key)));
  return {
    ...(schema as JsonObject),
    properties: kept,
    ...(Array.isArray(required) ? { required: required.filter((key) => !dropped.has(String(key))) } : {}),
  };
}
