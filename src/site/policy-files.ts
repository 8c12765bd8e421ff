/**
 * The two policy files of a tool or a server, policy.json and policy.intercept.yaml, as
 * the pages show them and the file routes serve them: both from one decision, with the
 * sentences on what one format cannot say, and for a tool the worked example calls.
 */
import type { Classification } from '../catalogue/schema/classification.ts';
import type { Tool } from '../catalogue/schema/tool.ts';
import type { ClassifiedServer, ClassifiedTool } from '../catalogue/schema/server.ts';
import { describeServerRecommendation, describeToolRecommendation, type ToolPolicyRecommendation } from '../catalogue/prose/policy-summary.ts';
import { interceptOfConditional, interceptOfServer, interceptOfTool } from '../catalogue/intercept/from-decision.ts';
import { interceptYaml } from '../catalogue/intercept/yaml-file.ts';
import { formatDifferences } from '../catalogue/prose/format-differences.ts';
import { placeholderNote } from '../catalogue/prose/guard-wording.ts';
import { exampleCalls, type ExampleCall } from '../catalogue/policy/example-calls.ts';
import { probeName } from '../catalogue/policy/recommend-policy.ts';
import type { Policy } from '../catalogue/policy/schema.ts';
import type { InterceptPolicy } from '../catalogue/intercept/schema.ts';

export interface PolicyFiles {
  json: string;
  yaml: string;
  /** One plain-text sentence on what the policy does (proven by its claims). */
  summary: string;
  /** What one format cannot say that the other does. */
  differences: string[];
  /** For a conditional example: which values are examples to edit. */
  note?: string;
  policy: Policy;
  intercept: InterceptPolicy;
}

export interface ToolPolicyFiles {
  recommendation: ToolPolicyRecommendation;
  recommended: PolicyFiles;
  conditionalExample?: PolicyFiles;
  exampleCalls: ExampleCall[];
}

export function policyJson(policy: unknown): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}

export function toolPolicyFiles(tool: Tool, classification: Classification, serverToolNames: ReadonlySet<string>): ToolPolicyFiles {
  const recommendation = describeToolRecommendation(tool, classification);
  const { decision } = recommendation;
  const translated = interceptOfTool(decision, tool.inputSchema);
  const recommended: PolicyFiles = {
    json: policyJson(recommendation.recommended.policy),
    yaml: interceptYaml(translated.policy),
    summary: recommendation.recommended.summary,
    differences: formatDifferences(translated.tools, decision.guards),
    policy: recommendation.recommended.policy,
    intercept: translated.policy,
  };
  let conditionalExample: PolicyFiles | undefined;
  if (decision.conditionalExample && recommendation.conditionalExample) {
    const conditional = interceptOfConditional(tool.name, decision.conditionalExample, tool.inputSchema);
    const note = placeholderNote(decision.conditionalExample.guards);
    conditionalExample = {
      json: policyJson(recommendation.conditionalExample.policy),
      yaml: interceptYaml(conditional.policy),
      summary: recommendation.conditionalExample.summary,
      differences: formatDifferences(conditional.tools, decision.conditionalExample.guards),
      ...(note ? { note } : {}),
      policy: recommendation.conditionalExample.policy,
      intercept: conditional.policy,
    };
  }
  const calls = exampleCalls(
    tool,
    decision,
    {
      recommended: { policy: recommended.policy, intercept: recommended.intercept },
      ...(conditionalExample ? { conditional: { policy: conditionalExample.policy, intercept: conditionalExample.intercept } } : {}),
    },
    probeName(serverToolNames),
  );
  return { recommendation, recommended, ...(conditionalExample ? { conditionalExample } : {}), exampleCalls: calls };
}

export function serverPolicyFiles(server: ClassifiedServer): PolicyFiles {
  // The callback receives the server's own (classified) tool objects.
  const recommendation = describeServerRecommendation(server, (tool) => (tool as ClassifiedTool).classification);
  const translated = interceptOfServer(recommendation.decision, (index) => server.tools[index]!.inputSchema);
  return {
    json: policyJson(recommendation.policy),
    yaml: interceptYaml(translated.policy),
    summary: recommendation.summary,
    differences: formatDifferences(translated.tools, recommendation.decision.tools.flatMap((tool) => tool.guards)),
    policy: recommendation.policy,
    intercept: translated.policy,
  };
}
