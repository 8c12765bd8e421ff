/**
 * What a page says of a tool with no parameter in its schema. A directory page lists
 * parameters only in part, so there an empty list is no claim that the tool takes none.
 */
export function noParametersSentence(reducedParameters: boolean): string {
  return reducedParameters
    ? 'The directory this tool was read from listed no parameters for it; the tool may still take some.'
    : 'This tool takes no parameters.';
}
