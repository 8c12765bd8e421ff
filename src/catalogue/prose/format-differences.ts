/**
 * What one policy format cannot say that the other does, in plain sentences: shown under
 * the two files on a tool page or a server hub, instead of inventing a field that a
 * gateway would reject. Written from the translation's data (intercept/from-decision.ts)
 * and the guards, never from the policy text.
 */
import { ARRAY_ELEMENTS_CHECKED, type ArgumentGuard } from '../policy/argument-guards.ts';
import type { InterceptToolTranslation } from '../intercept/from-decision.ts';
import { capName, joinList } from './text.ts';

/** Sentences on the two files of one policy (a tool's, a conditional example's or a server's). */
export function formatDifferences(translated: readonly InterceptToolTranslation[], guards: readonly ArgumentGuard[]): string[] {
  const sentences: string[] = [];
  const arrayParams = unique(guards.filter((guard) => guard.element !== undefined).map((guard) => guard.param));
  if (arrayParams.length > 0) {
    sentences.push(
      `policy.json reaches array elements by index, so it checks each of the first ${ARRAY_ELEMENTS_CHECKED} elements of ${names(arrayParams)} and refuses a longer array; it cannot require something of every element, because a condition on an element that is not there fails. Test that your gateway reads an index such as args.${capName(arrayParams[0]!)}.0 before relying on it. Intercept's conditions cannot reach array elements at all, so policy.intercept.yaml does not check them.`,
    );
  }
  const mustGive = unique(translated.flatMap((tool) => tool.gaps.requiredToBeGiven));
  if (mustGive.length > 0) {
    sentences.push(
      `An Intercept rule cannot apply only when an argument is given, so policy.intercept.yaml refuses calls that leave out ${names(mustGive)}, which policy.json allows; its message asks the agent to give ${mustGive.length === 1 ? 'it' : 'them'}.`,
    );
  }
  if (translated.some((tool) => tool.rules.some((rule) => rule.conditions?.some((condition) => typeof condition.value === 'boolean')))) {
    sentences.push('Intercept compares true and false by their text, so where policy.json wants the boolean true it also accepts the string "true".');
  }
  const unlimited = translated.filter((tool) => tool.gaps.omittedLimit !== undefined);
  if (unlimited.length > 0) {
    sentences.push(
      `Intercept's validation splits a counter's path at dots, so a tool whose name holds a dot (${names(unlimited.map((tool) => tool.tool))}) cannot have a limit in policy.intercept.yaml; policy.json keeps it.`,
    );
  }
  if (translated.some((tool) => tool.gaps.wildcardName)) {
    sentences.push('In Intercept, the key * holds rules for every tool, so a tool named * cannot be listed: policy.intercept.yaml leaves it refused.');
  }
  const totals = translated.flatMap((tool) => (tool.extras.dailyTotal ? [tool.extras.dailyTotal] : []));
  for (const total of totals) {
    sentences.push(
      `policy.json counts calls, not amounts. policy.intercept.yaml also adds up ${capName(total.param)} over each UTC day and refuses a call that would take the total past ${total.max}.`,
    );
  }
  if (translated.some((tool) => tool.rules.some((rule) => rule.rate_limit !== undefined || rule.state !== undefined))) {
    sentences.push('policy.json counts calls per grant (one connection\'s credentials); Intercept counts them per gateway, across every agent that uses it.');
  }
  return sentences;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function names(items: readonly string[]): string {
  const shown = items.slice(0, 5).map((item) => capName(item));
  return items.length > 5 ? `${shown.join(', ')} and ${items.length - 5} more` : joinList(shown);
}
