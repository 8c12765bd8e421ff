/**
 * Argument conditions that follow from a tool's input schema: which parameter an attacker
 * would steer (a path, a URL, a shell command, an SQL statement, an amount) and the
 * condition that blunts it. Each guard carries a value that passes it and one that trips
 * it, so every sentence about it can be proven by the evaluator.
 *
 * Only top-level parameters are guarded: their names are known, and a condition path is
 * `args.<name>`. Parameters whose name holds a dot cannot be addressed by a path and are
 * skipped. A parameter with an `enum` or `const` is skipped: its values are fixed already.
 *
 * An array of paths or URLs (`paths: string[]`) is guarded element by element: a
 * condition path reaches one element by its index (`args.paths.0`), so the first
 * `ARRAY_ELEMENTS_CHECKED` elements each get the guard, and an array with more elements
 * than that is refused (`exists` on the next index), so no element goes unchecked.
 *
 * Patterns avoid look-around and backreferences, so that they mean the same in
 * JavaScript and in RE2 (the regular expressions of Go gateways such as Intercept).
 *
 * The patterns are case-insensitive through character classes (`[Ff][Ii][Ll][Ee]`): the
 * `u` flag is the only one a policy regex gets, and a prompt-injected model can write
 * `FILE://` as easily as `file://`. Every pattern is anchored, a single character class,
 * or an alternation of whole words between `\b`, so none can backtrack badly on any input.
 */
import type { Condition } from './schema.ts';

export type GuardKind =
  | 'path-traversal'
  | 'path-root'
  | 'target-prefix'
  | 'array-length'
  | 'url-scheme'
  | 'url-host'
  | 'shell-metacharacters'
  | 'sql-write'
  | 'sql-destructive'
  | 'amount-ceiling'
  | 'confirm'
  | 'dry-run'
  | 'no-force'
  | 'no-recursive';

type JsonValue = NonNullable<Condition['value']>;

export interface ArgumentGuard {
  kind: GuardKind;
  /** The parameter's name, as the schema spells it. */
  param: string;
  /**
   * For a guard on one element of an array parameter, that element's index: the
   * condition reads `args.<param>.<element>`, and the guard's values are whole arrays.
   */
  element?: number;
  /** `require` guards must hold; `deny_if` guards refuse when they hold. */
  placement: 'require' | 'deny_if';
  condition: Condition;
  /** A value that passes the guard. */
  safeValue: JsonValue;
  /**
   * Values the guard refuses, covering every case that the pages say it refuses
   * (prose/guard-wording.ts), so that each case is proven by a claim.
   */
  unsafeValues: JsonValue[];
}

/**
 * Guards that make a call safer whatever the category: they refuse only arguments that
 * are an attack in themselves (traversal, local or metadata URLs, shell chaining, SQL
 * that writes where the tool only reads).
 */
export const SAFETY_KINDS: ReadonlySet<GuardKind> = new Set([
  'path-traversal', 'array-length', 'url-scheme', 'url-host', 'shell-metacharacters', 'sql-write', 'sql-destructive',
]);

/** At most this many parameters get guards, so a policy stays readable. */
const MAX_GUARDED_PARAMS = 6;
/** The example ceiling on an amount, in the tool's own unit. */
export const AMOUNT_CEILING = 100;
/** Elements of an array argument checked one by one; a longer array is refused. */
export const ARRAY_ELEMENTS_CHECKED = 5;
/**
 * The folder a conditional example confines paths to. It is a value to edit, and reads as
 * one: no real system has it, so a policy copied unedited refuses rather than allows.
 */
export const EXAMPLE_ROOT = '/path/to/allowed/root/';
/**
 * The name prefix a conditional example of a destructive tool confines its target to,
 * when the target is named by a string (a branch, a bucket, a table): a value to edit,
 * for the things the agent may delete, such as the ones it created itself.
 */
export const EXAMPLE_TARGET_PREFIX = 'scratch-';
const EXAMPLE_ROOT_PATTERN = `^${EXAMPLE_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;

/** Case-insensitive ASCII letters as classes: `ci('file')` is `[Ff][Ii][Ll][Ee]`. */
function ci(word: string): string {
  return word.replace(/[A-Za-z]/g, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`);
}

/** Schemes that reach local files or non-web services (SSRF and file disclosure). */
const RISKY_SCHEMES = ['file', 'gopher', 'dict', 'ftp', 'ftps', 'tftp', 'ldap', 'ldaps', 'jar', 'netdoc', 'smb'];
export const RISKY_SCHEME_PATTERN = `^\\s*(?:${RISKY_SCHEMES.map(ci).join('|')}):`;

/**
 * A host that is loopback (`localhost`, `*.localhost`, 127.x, 0.x), link-local
 * (169.254.x, where cloud metadata lives), a known metadata name or address, any IPv6
 * literal, or an address in numeric or octal/hex disguise (`2130706433`, `0x7f.1`,
 * `0177.0.0.1`). The scheme and `//` are optional, so a bare `localhost:8080` counts too;
 * user info before `@` is skipped, as a URL parser would.
 */
const END = '(?:[:/\\\\?#]|$)';
const HOSTS = [
  `(?:[^/\\\\?#@:\\s]*\\.)?${ci('localhost')}\\.?${END}`,
  '127\\.',
  '0[0-9x.]',
  '\\[',
  '169\\.254\\.',
  '100\\.100\\.100\\.200',
  `${ci('metadata')}(?:\\.${ci('google')}\\.${ci('internal')})?\\.?${END}`,
  `[0-9]+${END}`,
];
export const LOCAL_HOST_PATTERN =
  `^\\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?:[/\\\\]{2})?(?:[^/\\\\?#@\\s]*@)?(?:${HOSTS.join('|')})`;

/** Characters that chain, substitute or redirect commands in a POSIX shell. */
export const SHELL_METACHARACTER_PATTERN = '[;&|`$<>\\r\\n]';

export const SQL_WRITE_WORDS = ['insert', 'update', 'delete', 'merge', 'replace', 'upsert', 'create', 'alter', 'drop', 'truncate', 'grant', 'revoke', 'attach', 'copy', 'vacuum'];
export const SQL_DESTRUCTIVE_WORDS = ['drop', 'truncate', 'delete', 'alter', 'grant', 'revoke'];
const sqlPattern = (words: readonly string[]): string => `\\b(?:${words.map(ci).join('|')})\\b`;
export const SQL_WRITE_PATTERN = sqlPattern(SQL_WRITE_WORDS);
export const SQL_DESTRUCTIVE_PATTERN = sqlPattern(SQL_DESTRUCTIVE_WORDS);

/** `filePath` -> [file, path]; `base_URL` -> [base, url]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

const has = (words: readonly string[], ...wanted: string[]): boolean => wanted.some((word) => words.includes(word));

const PATH_WORDS = ['path', 'filepath', 'file', 'filename', 'dir', 'directory', 'folder', 'dirname', 'dirpath', 'cwd', 'workdir'];
const NOT_PATH_WORDS = ['content', 'contents', 'data', 'body', 'text', 'id', 'ids', 'json', 'xpath', 'jsonpath', 'type', 'size', 'format', 'count', 'url', 'uri', 'pattern', 'glob', 'extension'];
const URL_WORDS = ['url', 'uri', 'endpoint', 'href', 'webhook', 'website', 'baseurl', 'link'];
const NOT_URL_WORDS = ['name', 'id', 'title', 'text', 'label', 'count'];
const COMMAND_WORDS = ['command', 'cmd', 'shell', 'commandline', 'cmdline'];
const AMOUNT_WORDS = ['amount', 'price', 'cost', 'total', 'fee', 'budget'];

type SchemaObject = Record<string, unknown>;

function isObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The JSON types a property schema admits; empty when it does not say. */
function typesOf(schema: SchemaObject): Set<string> {
  const types = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') types.add(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') types.add(item);
  };
  add(schema.type);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) for (const option of options) if (isObject(option)) add(option.type);
  }
  types.delete('null');
  return types;
}

function onlyTypes(types: ReadonlySet<string>, allowed: readonly string[]): boolean {
  return types.size > 0 && [...types].every((type) => allowed.includes(type));
}

/** Whether a string condition can apply: the schema says string, or says nothing. */
function mayBeString(types: ReadonlySet<string>): boolean {
  return types.size === 0 || types.has('string');
}

/** Own, addressable top-level properties of an input schema, in schema order. */
export function schemaProperties(inputSchema: unknown): Array<[string, SchemaObject]> {
  if (!isObject(inputSchema)) return [];
  const properties = inputSchema.properties;
  if (!isObject(properties)) return [];
  const out: Array<[string, SchemaObject]> = [];
  for (const name of Object.keys(properties)) {
    const schema = Object.getOwnPropertyDescriptor(properties, name)?.value;
    if (name === '' || name.includes('.') || name.length > 64 || !isObject(schema)) continue;
    out.push([name, schema]);
  }
  return out;
}

/** The names an input schema lists as required (the first `limit` of them), as a set. */
export function requiredParameters(inputSchema: unknown, limit = Infinity): Set<string> {
  if (!isObject(inputSchema) || !Array.isArray(inputSchema.required)) return new Set();
  return new Set(inputSchema.required.filter((item): item is string => typeof item === 'string').slice(0, limit));
}

function condition(param: string, op: Condition['op'], value: JsonValue): Condition {
  return { path: `args.${param}`, op, value };
}

/** Whether the tool's own text speaks of SQL, so that a `query` parameter is a statement. */
function speaksSql(text: string): boolean {
  return /\bsql\b|\bselect\b[^]{1,200}?\bfrom\b/i.test(text.slice(0, 4000));
}

export interface GuardOptions {
  /** The tool only reads: SQL that writes anything is refused, not only SQL that destroys. */
  readOnly: boolean;
  /** Text of the tool (name and description) to tell whether `query` holds SQL. */
  toolText: string;
  /**
   * The tool destroys: when no path guard confines it, its first required string
   * argument that names the target (an id, a name, a branch, ...) gets a prefix guard.
   */
  destructive?: boolean;
}

/** Words of an argument that names what a call acts on. */
const TARGET_WORDS = ['id', 'name', 'key', 'branch', 'slug', 'repo', 'repository', 'bucket', 'table', 'database', 'db', 'collection', 'index', 'project', 'namespace', 'topic', 'queue', 'tag', 'label', 'entity', 'resource', 'environment', 'env', 'stack', 'cluster', 'instance', 'volume', 'snapshot', 'workspace'];

/** Every guard the schema supports, safety and permission guards alike, in schema order. */
export function deriveGuards(inputSchema: unknown, options: GuardOptions): ArgumentGuard[] {
  const guards: ArgumentGuard[] = [];
  let guardedParams = 0;
  for (const [param, schema] of schemaProperties(inputSchema)) {
    if (guardedParams >= MAX_GUARDED_PARAMS) break;
    const found = guardsForParam(param, schema, options);
    if (found.length > 0) {
      guards.push(...found);
      guardedParams += 1;
    }
  }
  if (options.destructive && !guards.some((guard) => guard.kind === 'path-root')) {
    const target = targetGuard(inputSchema, new Set(guards.map((guard) => guard.param)));
    if (target) guards.push(target);
  }
  return guards;
}

/**
 * The narrowest useful allowance for a destructive tool without a path: its target must be
 * named with `EXAMPLE_TARGET_PREFIX`. The first required, unguarded string argument whose
 * name says it names the target; none when the schema has no such argument.
 */
function targetGuard(inputSchema: unknown, guarded: ReadonlySet<string>): ArgumentGuard | undefined {
  const required = requiredParameters(inputSchema);
  for (const [param, schema] of schemaProperties(inputSchema)) {
    if (!required.has(param) || guarded.has(param)) continue;
    if (Array.isArray(schema.enum) || 'const' in schema || !onlyTypes(typesOf(schema), ['string'])) continue;
    if (!has(nameWords(param).map(singular), ...TARGET_WORDS)) continue;
    return {
      kind: 'target-prefix',
      param,
      placement: 'require',
      condition: condition(param, 'regex', `^${EXAMPLE_TARGET_PREFIX}`),
      safeValue: `${EXAMPLE_TARGET_PREFIX}example`,
      unsafeValues: ['production', `x-${EXAMPLE_TARGET_PREFIX}example`],
    };
  }
  return undefined;
}

function guardsForParam(param: string, schema: SchemaObject, options: GuardOptions): ArgumentGuard[] {
  const words = nameWords(param);
  const types = typesOf(schema);
  const fixed = Array.isArray(schema.enum) || 'const' in schema;
  if (!fixed && mayBeString(types)) {
    const kind = locatorKind(words);
    if (kind === 'url') return urlGuards(param);
    if (kind === 'path') return pathGuards(param);
    if (has(words, ...COMMAND_WORDS)) {
      return [
        {
          kind: 'shell-metacharacters',
          param,
          placement: 'deny_if',
          condition: condition(param, 'regex', SHELL_METACHARACTER_PATTERN),
          safeValue: 'ls -la',
          unsafeValues: ['ls; id', 'ls && id', 'ls | id', 'ls `id`', 'ls $(id)', 'ls < /etc/passwd', 'ls > out', 'ls\nid'],
        },
      ];
    }
    const sqlNamed = has(words, 'sql');
    const sqlQuery = (param === 'query' || param === 'statement') && speaksSql(options.toolText);
    if (sqlNamed || sqlQuery) {
      return [
        options.readOnly
          ? {
              kind: 'sql-write',
              param,
              placement: 'deny_if',
              condition: condition(param, 'regex', SQL_WRITE_PATTERN),
              safeValue: 'SELECT 1',
              unsafeValues: ['INSERT INTO t VALUES (1)', 'update t set a = 1', 'DELETE FROM users', 'CREATE TABLE t (a int)', 'SELECT 1; DROP TABLE users'],
            }
          : {
              kind: 'sql-destructive',
              param,
              placement: 'deny_if',
              condition: condition(param, 'regex', SQL_DESTRUCTIVE_PATTERN),
              safeValue: 'SELECT 1',
              unsafeValues: ['DROP TABLE users', 'truncate t', 'DELETE FROM users', 'ALTER TABLE t ADD b int', 'GRANT ALL ON t TO x', 'REVOKE ALL ON t FROM x'],
            },
      ];
    }
  }
  const items = onlyTypes(types, ['array']) && isObject(schema.items) ? schema.items : undefined;
  if (!fixed && items !== undefined && mayBeString(typesOf(items)) && !Array.isArray(items.enum) && !('const' in items)) {
    const kind = locatorKind(words.map(singular));
    if (kind !== undefined) return elementGuards(param, kind === 'url' ? urlGuards(param) : pathGuards(param));
  }
  if (!fixed && onlyTypes(types, ['number', 'integer']) && has(words, ...AMOUNT_WORDS)) {
    const minimum = typeof schema.minimum === 'number' ? schema.minimum : undefined;
    if (minimum === undefined || minimum <= AMOUNT_CEILING) {
      return [
        {
          kind: 'amount-ceiling',
          param,
          placement: 'require',
          condition: condition(param, 'lte', AMOUNT_CEILING),
          safeValue: AMOUNT_CEILING,
          unsafeValues: [AMOUNT_CEILING + 1, `${AMOUNT_CEILING}`],
        },
      ];
    }
  }
  if (onlyTypes(types, ['boolean'])) {
    const joined = words.join('');
    if (has(words, 'confirm', 'confirmed', 'confirmation', 'approve', 'approved', 'acknowledge', 'acknowledged')) {
      return [booleanGuard('confirm', param, 'require', true)];
    }
    if (joined === 'dryrun' || has(words, 'dryrun', 'simulate', 'preview')) {
      return [booleanGuard('dry-run', param, 'require', true)];
    }
    if (has(words, 'force')) return [booleanGuard('no-force', param, 'deny_if', true)];
    if (has(words, 'recursive', 'recursively')) return [booleanGuard('no-recursive', param, 'deny_if', true)];
  }
  return [];
}

/** Whether a parameter named by these words holds a URL, a file path, or neither. */
function locatorKind(words: readonly string[]): 'url' | 'path' | undefined {
  if (has(words, ...URL_WORDS) && !has(words, ...NOT_URL_WORDS)) return 'url';
  if (has(words, ...PATH_WORDS) && !has(words, ...NOT_PATH_WORDS)) return 'path';
  return undefined;
}

/** `paths` -> `path`, `directories` -> `directory`: an array is named for what it holds. */
function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function urlGuards(param: string): ArgumentGuard[] {
  return [
    {
      kind: 'url-scheme',
      param,
      placement: 'deny_if',
      condition: condition(param, 'regex', RISKY_SCHEME_PATTERN),
      safeValue: 'https://example.com/',
      unsafeValues: ['file:///etc/passwd', 'FILE:///etc/passwd', 'gopher://example.com:6379/_', 'ftp://example.com/'],
    },
    {
      kind: 'url-host',
      param,
      placement: 'deny_if',
      condition: condition(param, 'regex', LOCAL_HOST_PATTERN),
      safeValue: 'https://example.com/',
      unsafeValues: [
        'http://localhost:8080/admin',
        'http://LOCALHOST/',
        'http://app.localhost/',
        'http://127.0.0.1/',
        'http://169.254.169.254/latest/meta-data/',
        'http://metadata.google.internal/computeMetadata/v1/',
        'http://[::1]/',
        'http://2130706433/',
        'http://0x7f.0.0.1/',
        'http://user@127.0.0.1/',
      ],
    },
  ];
}

/**
 * A path refuses `..`; the root guard, which only a conditional example uses (see
 * `confineToRoot`), also requires the path to start at `EXAMPLE_ROOT`, so that an
 * absolute path elsewhere (`/etc/passwd`) is refused too.
 */
function pathGuards(param: string): ArgumentGuard[] {
  return [
    {
      kind: 'path-traversal',
      param,
      placement: 'deny_if',
      condition: condition(param, 'contains', '..'),
      safeValue: 'notes/example.txt',
      unsafeValues: ['../../etc/passwd', 'notes/../../secret'],
    },
    {
      kind: 'path-root',
      param,
      placement: 'require',
      condition: condition(param, 'regex', EXAMPLE_ROOT_PATTERN),
      safeValue: `${EXAMPLE_ROOT}notes/example.txt`,
      unsafeValues: ['/etc/passwd', 'notes/example.txt'],
    },
  ];
}

/**
 * The `deny_if` guards of one string, applied to each of the first
 * `ARRAY_ELEMENTS_CHECKED` elements of an array, and a guard refusing a longer array.
 * A `require` guard cannot apply per element (a shorter array would lack the element and
 * fail it), so such guards are dropped: the pages say so in words.
 */
function elementGuards(param: string, stringGuards: readonly ArgumentGuard[]): ArgumentGuard[] {
  const perElement = stringGuards.filter((guard) => guard.placement === 'deny_if');
  const safe = perElement[0]!.safeValue;
  const guards: ArgumentGuard[] = [];
  for (let element = 0; element < ARRAY_ELEMENTS_CHECKED; element += 1) {
    const before = Array.from({ length: element }, () => safe);
    for (const guard of perElement) {
      // Every refused value at the first element; one at each later element proves its condition.
      const unsafe = element === 0 ? guard.unsafeValues : guard.unsafeValues.slice(0, 1);
      guards.push({
        ...guard,
        element,
        condition: { ...guard.condition, path: `args.${param}.${element}` },
        safeValue: [safe],
        unsafeValues: unsafe.map((value) => [...before, value]),
      });
    }
  }
  guards.push({
    kind: 'array-length',
    param,
    placement: 'deny_if',
    condition: { path: `args.${param}.${ARRAY_ELEMENTS_CHECKED}`, op: 'exists', value: true },
    safeValue: [safe],
    unsafeValues: [Array.from({ length: ARRAY_ELEMENTS_CHECKED + 1 }, () => safe)],
  });
  return guards;
}

/**
 * The guards of a conditional example: a path with a root guard has its other values moved
 * under the root, so that each refusal shown is refused by its own guard and not, first,
 * by the root. Guards without a root guard on their parameter are kept as they are.
 */
export function confineToRoot(guards: readonly ArgumentGuard[]): ArgumentGuard[] {
  const rooted = new Set(guards.filter((guard) => guard.kind === 'path-root').map((guard) => guard.param));
  return guards.map((guard) => {
    if (guard.kind !== 'path-traversal' || guard.element !== undefined || !rooted.has(guard.param)) return guard;
    return {
      ...guard,
      safeValue: `${EXAMPLE_ROOT}notes/example.txt`,
      unsafeValues: [`${EXAMPLE_ROOT}../../etc/passwd`, `${EXAMPLE_ROOT}notes/../../../secret`],
    };
  });
}

function booleanGuard(kind: GuardKind, param: string, placement: 'require' | 'deny_if', value: boolean): ArgumentGuard {
  return {
    kind,
    param,
    placement,
    condition: condition(param, 'eq', value),
    safeValue: placement === 'require' ? value : !value,
    unsafeValues: placement === 'require' ? [!value, String(value)] : [value],
  };
}

/** Arguments that pass every guard given (plain JSON; own keys even for `__proto__`). */
export function safeArgs(guards: readonly ArgumentGuard[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const guard of guards) setOwn(args, guard.param, guard.safeValue);
  return args;
}

/**
 * The safe arguments with one guard's parameter set to a value it refuses, and, for a
 * `require` guard, without the parameter at all (a missing argument fails `require`).
 */
export function unsafeArgsList(guards: readonly ArgumentGuard[], guard: ArgumentGuard): Array<Record<string, unknown>> {
  const list = guard.unsafeValues.map((value) => {
    const args = safeArgs(guards);
    setOwn(args, guard.param, value);
    return args;
  });
  if (guard.placement === 'require') {
    const args = safeArgs(guards);
    delete args[guard.param];
    list.push(args);
  }
  return list;
}

/** Defines an own property, so that a key such as `__proto__` never reaches the prototype setter. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
