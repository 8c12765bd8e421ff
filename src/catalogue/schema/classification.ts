import { z } from 'zod';

/** The six categories a tool can fall into, in the order pages list them. */
export const CATEGORIES = ['Read', 'Write', 'Execute', 'Destructive', 'Financial', 'Other'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Risk levels, lowest first. */
export const RISKS = ['Low', 'Medium', 'High', 'Critical'] as const;
export const riskSchema = z.enum(RISKS);
export type Risk = z.infer<typeof riskSchema>;

/** The risk each category implies; the README's "Classification" table states the same. */
export const RISK_OF_CATEGORY: Readonly<Record<Category, Risk>> = {
  Read: 'Low',
  Write: 'Medium',
  Execute: 'High',
  Destructive: 'Critical',
  Financial: 'Critical',
  Other: 'Medium',
};

export function riskRank(risk: Risk): number {
  return RISKS.indexOf(risk);
}

/** The rank of the risk a category implies, to compare categories by risk. */
export function categoryRiskRank(category: Category): number {
  return riskRank(RISK_OF_CATEGORY[category]);
}

/** Where a piece of evidence was read from. */
export const signalSourceSchema = z.enum(['name', 'title', 'description', 'schema', 'annotation']);
export type SignalSource = z.infer<typeof signalSourceSchema>;

/** One piece of evidence that pushed the classification towards a category. */
export const signalSchema = z.object({
  /** Where in the definition the evidence was found. */
  source: signalSourceSchema,
  /** The category this evidence points to. */
  category: categorySchema,
  /** A short machine-readable label, e.g. `leading-verb:delete` or `param:command`. */
  label: z.string().min(1).max(200),
  /** How strongly it counted; larger is stronger. */
  weight: z.number().nonnegative(),
  /** A short verbatim quote from the definition that shows it (third-party text). */
  quote: z.string().max(400).optional(),
});
export type Signal = z.infer<typeof signalSchema>;

/** An annotation that says something the rest of the definition contradicts. */
export const contradictionSchema = z.object({
  /** The annotation key, e.g. `readOnlyHint`. */
  annotation: z.string().min(1).max(64),
  /** The value the server claimed (after MCP defaults). */
  claimed: z.boolean(),
  /** Why it does not hold, in the project's words. */
  explanation: z.string().min(1).max(400),
});
export type Contradiction = z.infer<typeof contradictionSchema>;

/** The result of classifying one tool: deterministic and explainable. */
export const classificationSchema = z.object({
  category: categorySchema,
  risk: riskSchema,
  /** 0 to 1; lower when the description is missing or the signals disagree. */
  confidence: z.number().min(0).max(1),
  /** One or two sentences, in the project's words, on why the tool needs a policy. */
  rationale: z.string().min(1).max(1000),
  /** The signals that decided it, strongest first. */
  signals: z.array(signalSchema).max(50),
  /** Annotations the definition contradicts. Default: none. */
  contradictions: z.array(contradictionSchema).max(10).default([]),
  /** The engine that produced it: classifications by an earlier version of ours are redone. */
  engine: z.string().min(1).max(64),
  /**
   * The definition holds text addressed to the model rather than to people (tool
   * poisoning): the risk is at least High and the recommended policy hides the tool.
   */
  poisoned: z.boolean().optional(),
})
  .refine((classification) => riskRank(classification.risk) >= categoryRiskRank(classification.category), {
    path: ['risk'],
    error: 'must be at least the risk its category implies',
  });
export type Classification = z.infer<typeof classificationSchema>;
