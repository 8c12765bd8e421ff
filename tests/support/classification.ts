/** A classification of the given category at its implied risk, for tests that start from one. */
import { RISK_OF_CATEGORY, type Category, type Classification } from '../../src/catalogue/schema/classification.ts';

export function classificationOf(category: Category, extra: Partial<Classification> = {}): Classification {
  return {
    category,
    risk: RISK_OF_CATEGORY[category],
    confidence: 0.85,
    rationale: 'test',
    signals: [],
    contradictions: [],
    engine: 'test',
    ...extra,
  };
}
