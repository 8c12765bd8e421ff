/**
 * The rationale: one or two plain sentences, in the project's own words, on why a tool
 * needs a policy. It names the tool and, where they are the evidence, a verb or a
 * parameter, but never repeats the third-party description.
 */
import type { Category, Signal } from '../schema/classification.ts';
import type { ParamFacts } from './schema-signals.ts';
import { tidy } from './text.ts';

const MAX_NAME_CHARS = 80;
const MAX_PARAM_CHARS = 40;

function shortName(text: string, max: number): string {
  const clean = tidy(text).replace(/["“”]/g, "'");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const WHAT: Record<Category, string> = {
  Read: 'only reads or looks up data',
  Write: 'creates or changes state',
  Execute: 'runs code, commands or jobs',
  Destructive: 'can delete, overwrite or end things in a way that may not be undone',
  Financial: 'can move money or change what someone pays',
  Other: '',
};

const GERUND: Record<string, string> = {
  delete: 'deleting', remove: 'removing', destroy: 'destroying', purge: 'purging', erase: 'erasing',
  wipe: 'wiping', truncate: 'truncating', overwrite: 'overwriting', terminate: 'terminating',
  kill: 'killing processes', revoke: 'revoking', 'tear-down': 'tearing down', uninstall: 'uninstalling',
  drop: 'dropping data stores', create: 'creating', update: 'updating',
  modify: 'modifying', write: 'writing', save: 'saving', send: 'sending', upload: 'uploading',
  insert: 'inserting', append: 'appending', edit: 'editing', store: 'storing', publish: 'publishing',
  rename: 'renaming', move: 'moving', add: 'adding', replace: 'replacing', submit: 'submitting',
};

const PHRASE_WORDS: Record<string, string> = {
  permanently: 'its description says the effect is permanent',
  irreversibly: 'its description says the effect cannot be reversed',
  unrecoverable: 'its description says the effect cannot be recovered from',
  'cannot-be-undone': 'its description says the effect cannot be undone',
  'runs-code': 'its description says it runs code or commands',
  trigger: 'its description says it triggers builds, jobs or workflows',
  deploy: 'its description says it deploys',
  'starts-process': 'its description says it starts a process',
  'read-only': 'its description says it is read-only',
  'does-not-modify': 'its description says it changes nothing',
  'does-not-run': 'its description says it does not run what it is given',
  'non-destructive': 'its description says it is not destructive',
  'dry-run': 'its description speaks of a dry run',
  'select-only': 'its description limits it to SQL SELECT statements',
  crud: 'its description says it creates, changes and deletes records',
  'paid-call': 'its description says each call costs money',
  'saves-to-file': 'its description says it saves to a file',
  refund: 'its description speaks of refunds',
  charge: 'its description says it charges a customer or card',
  'moves-money': 'its description says it moves money',
  purchase: 'its description speaks of buying',
  pay: 'its description speaks of paying',
};

function verbWords(label: string): string {
  return label.replace(/-/g, ' ');
}

/** What one signal shows, as a clause in the project's words. */
function clause(signal: Signal, facts: ParamFacts): string | undefined {
  const [kind, rawValue = ''] = signal.label.split(/:(.*)/s);
  const value = shortName(rawValue, MAX_PARAM_CHARS);
  switch (kind) {
    case 'leading-verb':
      return `its name leads with "${verbWords(value)}"`;
    case 'name-compound':
      return `its name is built on "${value}"`;
    case 'http-method':
      return `its name says it is an HTTP ${value.toUpperCase()}, a method that may change state on the server`;
    case 'name-verb':
      return `its name includes "${value}"`;
    case 'name-agent':
      return `its name says what it is: "${value}"`;
    case 'name-manages':
      return `its name says it manages something ("${value}"), which may include changing or removing it`;
    case 'description-runs':
      return `its description says it runs ${value.toUpperCase()} statements, which may change data`;
    case 'name-runs':
      return `its name says it runs ${value.toUpperCase()} statements, which may change data`;
    case 'name-converts':
      return 'its name says it converts one thing into another';
    case 'name-compares':
      return 'its name weighs two options against each other';
    case 'name-collection':
      return `its name only names what it returns ("${value}"), and nothing in its definition says it does more`;
    case 'name-guide':
      return `its name says it is guidance ("${value}") on the action it names`;
    case 'name-lookup':
      return 'its name says it looks things up by a key';
    case 'name-noun':
      return signal.category === 'Financial'
        ? `its name is about "${value}"`
        : `its name names data ("${value}") rather than an action`;
    case 'title-verb':
      return `its title leads with "${verbWords(value)}"`;
    case 'description-verb':
      return `its description opens with "${verbWords(value)}"`;
    case 'description-list':
      return `its description lists "${value}" among its actions`;
    case 'phrase': {
      if (PHRASE_WORDS[value]) return PHRASE_WORDS[value];
      if (GERUND[value]) return `its description speaks of ${GERUND[value]}`;
      return `its description mentions ${value.replace(/-/g, ' ')}`;
    }
    case 'param':
      return paramClause(signal, rawValue, facts);
    case 'params-operands':
      return 'its parameters are the numbers it works on';
    case 'annotation':
      if (value === 'destructiveHint') return 'its author declares that it may make destructive changes';
      if (value === 'readOnlyHint') {
        return signal.category === 'Read' ? 'its author declares it read-only' : 'its author declares that it changes its environment';
      }
      return undefined;
    default:
      return undefined;
  }
}

function paramClause(signal: Signal, rawName: string, facts: ParamFacts): string {
  const name = shortName(rawName, MAX_PARAM_CHARS);
  if (facts.action && rawName === `${facts.action.param.name}=${facts.action.verb.base}`) {
    return `its "${shortName(facts.action.param.name, MAX_PARAM_CHARS)}" parameter can ask it to "${facts.action.verb.base}"`;
  }
  switch (signal.category) {
    case 'Execute':
      return facts.sql?.name === rawName
        ? `its "${name}" parameter takes SQL that can change data`
        : `its "${name}" parameter takes code or a command to run`;
    case 'Write':
      return facts.outputPath?.name === rawName
        ? `its "${name}" parameter chooses where on disk it writes`
        : `its "${name}" parameter carries the content to write`;
    case 'Financial':
      return facts.payee
        ? `it takes an amount ("${name}") and a recipient ("${shortName(facts.payee.name, MAX_PARAM_CHARS)}")`
        : `it takes an amount ("${name}")`;
    case 'Destructive':
      return `it has a "${name}" switch that makes it more destructive`;
    default:
      return `it takes a "${name}" parameter`;
  }
}

function why(category: Category, facts: ParamFacts): string {
  const param = (value: { name: string } | undefined): string | undefined =>
    value ? shortName(value.name, MAX_PARAM_CHARS) : undefined;
  const path = param(facts.outputPath ?? facts.path);
  const url = param(facts.url);
  switch (category) {
    case 'Read':
      if (url) return `It is low risk, but its "${url}" parameter should not reach internal or metadata addresses, and a rate limit keeps an agent from reading in bulk.`;
      if (path) return `It is low risk, but a condition on "${path}" keeps reads inside the folders meant for the agent, and a rate limit bounds bulk reads.`;
      return 'It is low risk; a policy still names it explicitly and can cap how often an agent calls it.';
    case 'Write':
      if (path) return `A rate limit bounds how many changes a runaway agent can make, and a condition on "${path}" keeps writes inside allowed folders.`;
      if (url) return `A rate limit bounds how many changes a runaway agent can make, and its "${url}" parameter should not reach internal addresses.`;
      return 'A rate limit bounds how many changes a runaway or misled agent can make in a minute.';
    case 'Execute': {
      const input = param(facts.command ?? facts.code ?? facts.sql);
      return input
        ? `Whatever reaches "${input}" runs with the server's rights, so it needs a tight rate limit and, where possible, conditions on what may run.`
        : 'An agent that can start it can spend resources and set off side effects, so it needs a tight rate limit.';
    }
    case 'Destructive':
      return 'A gateway should keep it denied unless a person allows it under conditions, because a mistaken or injected call cannot be taken back.';
    case 'Financial': {
      const amount = param(facts.amount);
      return amount
        ? `A gateway should keep it denied by default and, where it is allowed, put a ceiling on "${amount}".`
        : 'A gateway should keep it denied by default and allow it only under conditions a person has checked.';
    }
    case 'Other':
      return 'Until its behaviour is known, treat it like a change: allow it with a moderate rate limit, or deny it.';
  }
}

export interface RationaleInput {
  name: string;
  category: Category;
  /** Strongest first. */
  signals: readonly Signal[];
  facts: ParamFacts;
  hasDescription: boolean;
}

export function buildRationale(input: RationaleInput): string {
  const name = shortName(input.name, MAX_NAME_CHARS) || 'This tool';
  if (input.category === 'Other') {
    const reason = input.hasDescription
      ? 'neither its name nor its description shows a known action'
      : 'it has no description and its name shows no known action';
    return `What ${name} does cannot be told from its definition: ${reason}. ${why('Other', input.facts)}`;
  }
  const clauses: string[] = [];
  for (const signal of input.signals) {
    if (signal.category !== input.category) continue;
    const text = clause(signal, input.facts);
    if (text && !clauses.includes(text)) clauses.push(text);
    if (clauses.length === 2) break;
  }
  // Raised by the author's own hints: say so.
  if (clauses.length === 0) {
    for (const signal of input.signals) {
      const text = signal.source === 'annotation' ? clause(signal, input.facts) : undefined;
      if (text && signal.category !== 'Read') {
        clauses.push(`${text}, though the rest of its definition describes reading`);
        break;
      }
    }
  }
  const because = clauses.length > 0 ? `: ${clauses.join(', and ')}` : '';
  return `${name} ${WHAT[input.category]}${because}. ${why(input.category, input.facts)}`;
}
