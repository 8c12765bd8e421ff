/**
 * How much of each third-party string a page shows. Every string in a catalogue comes
 * from a server's author, and the schema bounds only some of them; these caps, with the
 * row limits below, keep every page under PAGE_WEIGHT_CEILING whatever a catalogue holds
 * (the hostile build test builds one of oversized values and checks it). The README's
 * "Untrusted text" section lists the same table.
 */
export const DISPLAY_CAPS = {
  /** A tool's description, quoted on its page. */
  toolDescription: 20_000,
  /** A server's description, quoted on its hub. */
  serverDescription: 4_000,
  /** A tool's title. */
  title: 300,
  /** A parameter's name, in the parameters table. */
  parameterName: 100,
  /** A parameter's description. */
  parameterDescription: 500,
  /** A parameter's type, as described from its schema. */
  parameterType: 120,
  /** A default or an allowed value, as compact JSON. */
  parameterValue: 120,
  /** Allowed values listed for one parameter. */
  enumValues: 10,
  /** Parameters listed in a tool's table. */
  parameters: 50,
  /** A link from the catalogue (repository, homepage, provenance). */
  url: 300,
  /** Tools listed in a hub's table. */
  hubTools: 300,
  /** An example call's arguments, as compact JSON. */
  exampleArguments: 300,
  /** A policy's verdict on an example call, with its reason. */
  exampleVerdict: 400,
  /** A server policy shown inline on its hub, in bytes of JSON; past it, the downloads only (both files). */
  inlineServerPolicyBytes: 24_000,
} as const;

/** No page of the site may weigh more, in bytes of HTML. */
export const PAGE_WEIGHT_CEILING = 1024 * 1024;

/**
 * `text` cut to `max` code points (never inside a surrogate pair), with an ellipsis when
 * cut.
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
