/**
 * policy.intercept.yaml as text: written in Intercept's house style (two-space indent,
 * double-quoted strings, plain keys where they are plain words), and read back with the
 * place of every value, so that a problem can be named by line and column.
 *
 * Reading follows what Intercept's YAML decoder accepts: YAML 1.2 (`yes` is a string),
 * duplicate keys are an error, and the shape must fit its structs (a list where a list
 * goes); keys it does not know are kept aside as warnings, since Intercept ignores them.
 */
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import type { InterceptPolicy } from './schema.ts';

export const INTERCEPT_FILE_SUFFIX = 'policy.intercept.yaml';

const HEADER = [
  ' Intercept policy (github.com/PolicyLayer/Intercept, POLICY.md).',
  ' Check it with `intercept validate -c <file>` before use.',
];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The policy as YAML text, with a header comment. Deterministic: same policy, same bytes. */
export function interceptYaml(policy: InterceptPolicy): string {
  const document = new Document(policy);
  document.commentBefore = HEADER.join('\n');
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && !PLAIN_KEY.test(pair.key.value)) pair.key.type = 'QUOTE_DOUBLE';
    },
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
    },
  });
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}

export interface YamlProblem {
  message: string;
  /** Dotted place in the file, e.g. `tools.read_file.rules[0].conditions[1].op`. */
  place: string;
  line?: number;
  column?: number;
}

export interface ParsedInterceptFile {
  /** Undefined when the text is not YAML of the policy's shape. */
  policy: InterceptPolicy | undefined;
  errors: YamlProblem[];
  /** Keys Intercept does not know (and ignores). */
  unknownKeys: YamlProblem[];
  /** The line and column of a place given as keys and indexes, when it exists. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  policy: ['version', 'description', 'default', 'hide', 'tools'],
  tool: ['rules'],
  rule: ['name', 'action', 'rate_limit', 'conditions', 'on_deny', 'state'],
  condition: ['path', 'op', 'value'],
  state: ['counter', 'window', 'increment', 'increment_from'],
};

export function parseInterceptFile(text: string): ParsedInterceptFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const locate = (path: ReadonlyArray<string | number>) => positionIn(document, lineCounter, path);
  const errors: YamlProblem[] = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return { message: error.message.split('\n')[0]!, place: '(file)', line: position.line, column: position.col };
  });
  const located = (message: string, path: Array<string | number>): YamlProblem => {
    const position = locate(path);
    return { message, place: placeOf(path), ...(position ? { line: position.line, column: position.column } : {}) };
  };
  if (errors.length > 0) return { policy: undefined, errors, unknownKeys: [], locate };

  const value: unknown = document.toJS({ maxAliasCount: 100 });
  const unknownKeys: YamlProblem[] = [];
  const shapeErrors: YamlProblem[] = [];
  const expectMap = (node: unknown, path: Array<string | number>, known: readonly string[] | undefined): node is Record<string, unknown> => {
    if (node === null || node === undefined) return false;
    if (typeof node !== 'object' || Array.isArray(node)) {
      shapeErrors.push(located('must be a mapping', path));
      return false;
    }
    if (known) for (const key of Object.keys(node)) if (!known.includes(key)) unknownKeys.push(located(`unknown key "${key}" is ignored by Intercept`, [...path, key]));
    return true;
  };
  const expectList = (node: unknown, path: Array<string | number>): node is unknown[] => {
    if (node === null || node === undefined) return false;
    if (!Array.isArray(node)) {
      shapeErrors.push(located('must be a list', path));
      return false;
    }
    return true;
  };
  const expectScalar = (node: unknown, path: Array<string | number>, type: 'string' | 'integer'): void => {
    if (node === null || node === undefined) return;
    const ok = type === 'string' ? typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' : Number.isInteger(node);
    if (!ok) shapeErrors.push(located(type === 'string' ? 'must be a string' : 'must be a whole number', path));
  };

  if (!expectMap(value, [], KNOWN_KEYS.policy)) {
    if (shapeErrors.length === 0) shapeErrors.push({ message: 'the file holds no policy', place: '(file)' });
    return { policy: undefined, errors: shapeErrors, unknownKeys, locate };
  }
  for (const key of ['version', 'description', 'default'] as const) expectScalar(value[key], [key], 'string');
  if (expectList(value.hide, ['hide'])) value.hide.forEach((entry, index) => expectScalar(entry, ['hide', index], 'string'));
  if (expectMap(value.tools, ['tools'], undefined)) {
    for (const [toolName, def] of Object.entries(value.tools)) {
      if (!expectMap(def, ['tools', toolName], KNOWN_KEYS.tool)) continue;
      if (!expectList(def.rules, ['tools', toolName, 'rules'])) continue;
      def.rules.forEach((rule, index) => {
        const rulePath = ['tools', toolName, 'rules', index];
        if (!expectMap(rule, rulePath, KNOWN_KEYS.rule)) return;
        for (const key of ['name', 'action', 'rate_limit', 'on_deny'] as const) expectScalar(rule[key], [...rulePath, key], 'string');
        if (expectList(rule.conditions, [...rulePath, 'conditions'])) {
          rule.conditions.forEach((condition, conditionIndex) => {
            const conditionPath = [...rulePath, 'conditions', conditionIndex];
            if (!expectMap(condition, conditionPath, KNOWN_KEYS.condition)) return;
            expectScalar(condition.path, [...conditionPath, 'path'], 'string');
            expectScalar(condition.op, [...conditionPath, 'op'], 'string');
          });
        }
        if (expectMap(rule.state, [...rulePath, 'state'], KNOWN_KEYS.state)) {
          for (const key of ['counter', 'window', 'increment_from'] as const) expectScalar(rule.state[key], [...rulePath, 'state', key], 'string');
          expectScalar(rule.state.increment, [...rulePath, 'state', 'increment'], 'integer');
        }
      });
    }
  }
  if (shapeErrors.length > 0) return { policy: undefined, errors: shapeErrors, unknownKeys, locate };
  return { policy: normalised(value), errors: [], unknownKeys, locate };
}

/** Scalars read as Go reads them into string fields (`version: 1` is "1"); lists and maps as they are. */
function normalised(value: Record<string, unknown>): InterceptPolicy {
  const text = (scalar: unknown): string | undefined => (scalar === null || scalar === undefined ? undefined : String(scalar));
  const tools: NonNullable<InterceptPolicy['tools']> = Object.create(null);
  for (const [toolName, def] of Object.entries((value.tools as Record<string, { rules?: unknown[] }> | null) ?? {})) {
    tools[toolName] = {
      rules: ((def?.rules ?? []) as Array<Record<string, unknown>>).map((rule) => {
        const state = rule.state as Record<string, unknown> | null | undefined;
        return {
          ...(rule.name != null ? { name: text(rule.name) } : {}),
          ...(rule.action != null ? { action: text(rule.action) } : {}),
          ...(rule.rate_limit != null ? { rate_limit: text(rule.rate_limit) } : {}),
          ...(rule.on_deny != null ? { on_deny: text(rule.on_deny) } : {}),
          ...(Array.isArray(rule.conditions)
            ? {
                conditions: (rule.conditions as Array<Record<string, unknown>>).map((condition) => ({
                  path: text(condition.path) ?? '',
                  op: text(condition.op) ?? '',
                  value: condition.value ?? null,
                })),
              }
            : {}),
          ...(state
            ? {
                state: {
                  counter: text(state.counter) ?? '',
                  window: text(state.window) ?? '',
                  ...(state.increment != null ? { increment: Number(state.increment) } : {}),
                  ...(state.increment_from != null ? { increment_from: text(state.increment_from) } : {}),
                },
              }
            : {}),
        };
      }),
    };
  }
  return {
    version: text(value.version) ?? '',
    ...(value.description != null ? { description: text(value.description) } : {}),
    ...(value.default != null ? { default: text(value.default) } : {}),
    ...(Array.isArray(value.hide) ? { hide: value.hide.map((entry) => text(entry) ?? '') } : {}),
    tools,
  };
}

/**
 * Where a place starts in a parsed document: a mapping entry at its key (where a reader
 * looks for it), a list item at the item; the nearest existing parent when it is absent.
 */
export function positionIn(document: Document.Parsed, lineCounter: LineCounter, path: ReadonlyArray<string | number>): { line: number; column: number } | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const offset = offsetOf(document, path.slice(0, depth));
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return undefined;
}

function offsetOf(document: Document.Parsed, path: ReadonlyArray<string | number>): number | undefined {
  if (path.length === 0) return document.contents?.range?.[0];
  const parent = path.length === 1 ? document.contents : (document.getIn(path.slice(0, -1), true) as Node | undefined);
  const last = path.at(-1)!;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    const key = pair?.key as Node | undefined;
    return key?.range?.[0];
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last] as Node | undefined;
    return item?.range?.[0];
  }
  return undefined;
}

/** `['tools', 'x', 'rules', 0]` -> `tools.x.rules[0]`. */
export function placeOf(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? key : `${out}.${key}`), '') || '(root)';
}
