/**
 * Splits tool names of every style into lower-case words:
 * `delete_branch`, `deleteBranch`, `DeleteBranch`, `delete-branch`, `repo.delete`,
 * `HTMLToMarkdown`, `getS3Object`, `API-get-user`.
 */

const LOWER_OR_DIGIT_THEN_UPPER = /([\p{Ll}\p{N}])(\p{Lu})/gu;
const ACRONYM_THEN_WORD = /(\p{Lu})(\p{Lu}\p{Ll})/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Names longer than this are cut: MCP allows 128 characters, and longer ones are hostile. */
const MAX_NAME_CHARS = 256;

export function splitName(name: unknown): string[] {
  if (typeof name !== 'string' || name === '') return [];
  const source = name.length > MAX_NAME_CHARS ? name.slice(0, MAX_NAME_CHARS) : name;
  const spaced = source.replace(ACRONYM_THEN_WORD, '$1 $2').replace(LOWER_OR_DIGIT_THEN_UPPER, '$1 $2');
  const words: string[] = [];
  for (const part of spaced.split(SEPARATORS)) {
    if (part !== '') words.push(part.toLowerCase());
  }
  return words;
}
