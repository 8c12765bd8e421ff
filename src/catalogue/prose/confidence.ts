/**
 * What a classification's confidence means, in words, with the agreement the engine
 * reached in each band against the read-only hints server authors put on their own tools
 * (`npm run catalogue -- evaluate`, which prints these figures). They belong to one engine
 * version: a test fails when the engine changes and they are not measured again.
 */
export const CONFIDENCE_MEASURED = {
  engine: 'rules-10',
  tools: 1917,
  bands: [
    { from: 0.8, agreed: 1487, of: 1504 },
    { from: 0.5, agreed: 311, of: 350 },
    { from: 0, agreed: 49, of: 63 },
  ],
} as const;

function percent(agreed: number, of: number): string {
  return `${((100 * agreed) / of).toFixed(1)}%`;
}

/** One or two sentences on what this confidence means. */
export function confidenceMeaning(confidence: number): string {
  const band = CONFIDENCE_MEASURED.bands.find((each) => confidence >= each.from)!;
  const shown = Math.round(confidence * 100);
  const how =
    band.from >= 0.8
      ? 'the name, the description and the parameters point the same way'
      : band.from >= 0.5
        ? 'the evidence points one way, but it is thin (a short description) or partly points elsewhere'
        : 'the definition says little, or its parts disagree';
  const range = band.from >= 0.8 ? '80% or more' : band.from >= 0.5 ? 'between 50% and 80%' : 'below 50%';
  return `A confidence of ${shown}% means that ${how}. Checked against the read-only hints that server authors declare on their own tools (${CONFIDENCE_MEASURED.tools.toLocaleString('en-US')} tools in public data), classifications shown at ${range} agreed with the author ${percent(band.agreed, band.of)} of the time.`;
}
