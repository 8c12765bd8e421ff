/** Which editorial attack-pattern pages a tool page links to. */
import type { Category } from '../catalogue/schema/classification.ts';

export interface AttackPatternSummary {
  slug: string;
  title: string;
  summary: string;
  identifiers: string[];
  categories: Category[];
  parameters: string[];
  order: number;
}

/**
 * Patterns that abuse the tool's category, or that a parameter of the tool carries
 * (a `url` parameter makes SSRF relevant to a Read tool too), in editorial order.
 */
export function attackPatternsFor(
  patterns: readonly AttackPatternSummary[],
  category: Category,
  parameterNames: readonly string[],
): AttackPatternSummary[] {
  const names = new Set(parameterNames);
  return patterns
    .filter((pattern) => pattern.categories.includes(category) || pattern.parameters.some((p) => names.has(p)))
    .sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : 1));
}
