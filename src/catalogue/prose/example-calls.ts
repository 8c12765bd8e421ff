/**
 * The words of the example-calls table (policy/example-calls.ts): what each call is,
 * and each policy's verdict with the reason its evaluator gave.
 */
import type { ExampleCall } from '../policy/example-calls.ts';
import { refusedPredicate } from './guard-wording.ts';
import { capName, ordinal } from './text.ts';

export function exampleCallLabel(call: ExampleCall): string {
  const under = call.policy === 'conditional' ? ', under the conditional example' : '';
  switch (call.kind) {
    case 'ordinary':
      return `An ordinary call${under}`;
    case 'guard':
      return `${call.guard!.element !== undefined ? `${call.guard!.param} (an array)` : call.guard!.param} ${refusedPredicate(call.guard!)}${under}`;
    case 'limit':
    case 'unlimited':
      return `The ${ordinal(call.callNumber!)} call within one UTC ${call.limit!.window}${under}`;
    case 'no-arguments':
      return `A call with no arguments${under}`;
    case 'other-tool':
      return `A call to ${capName(call.tool)}, a tool the policy does not list`;
  }
}

/** `Allowed`, or `Refused: <the evaluator's reason>`. */
export function verdictText(decision: { allow: boolean; message: string }): string {
  if (decision.allow) return 'Allowed';
  return decision.message.startsWith('Refused') ? decision.message : `Refused: ${decision.message}`;
}
