/**
 * The words the engine recognises, built once at module load into lookup tables so that
 * classifying a tool allocates no vocabulary.
 *
 * A verb's strength (0-1) scales the weight of the signal it gives: `delete` says more
 * than `clear`. Words marked ambiguous (`process`, `log`, `order`) are nouns as often as
 * verbs, so they lead a name only when no unambiguous verb does.
 */
import { categoryRiskRank, type Category } from '../schema/classification.ts';

export type ActionCategory = Exclude<Category, 'Other'>;

export interface Verb {
  /** The base form, used in labels (`leading-verb:delete`). */
  base: string;
  category: ActionCategory;
  strength: number;
  ambiguous: boolean;
}

/**
 * Whether `verb` says a riskier action than `than`: a riskier category, or the same risk
 * said more strongly. Picks the action a multi-action tool is judged by.
 */
export function riskierVerb(verb: Pick<Verb, 'category' | 'strength'>, than: Pick<Verb, 'category' | 'strength'> | undefined): boolean {
  if (!than) return true;
  const rank = categoryRiskRank(verb.category);
  const thanRank = categoryRiskRank(than.category);
  return rank > thanRank || (rank === thanRank && verb.strength > than.strength);
}

/**
 * `word`, `word:0.6` (strength) and `word?` (ambiguous) entries, by category.
 * Object-dependent verbs (`run` a query is a read, `drop` a table destroys it) are
 * refined by the object rules below.
 */
const VERB_TABLE: Record<ActionCategory, string> = {
  Read: `get list read fetch search find query lookup look show view describe inspect introspect
    check:0.8 validate verify explain count retrieve browse analyze analyse compare summarize
    summarise preview diff resolve:0.6 parse calculate compute estimate translate:0.7 lint ping
    echo monitor poll wait await explore discover detect identify classify recommend suggest
    tail grep match?:0.6 autocomplete transcribe:0.7 ask answer research think reason:0.6
    review?:0.7 audit scan trace?:0.6 measure test?:0.5 export?:0.7 extract:0.7 render:0.7
    visualize plot chart geocode whois observe open:0.5 peek scrape crawl sample:0.7
    format?:0.6 encode decode hash:0.7 simulate:0.6 forecast predict rank?:0.6 score?:0.6
    evaluate:0.6 assess help load:0.5 choose:0.6 pick:0.5 recall enumerate display categorize
    embed:0.5 enrich:0.7 normalize:0.5 glob print:0.6 aggregate hunt:0.5 screen?:0.6 generate?:0.6 collect:0.7
    debug:0.6 expand:0.6 return:0.8 provide:0.6 screenshot snapshot capture?:0.6 solve
    plan?:0.6 is:0.6 has:0.6 can:0.5 obtain locate download?:0.6 watch:0.6
    filter:0.8 sort:0.7 report?:0.6 convert:0.5 info:0.5 stat:0.6 demonstrate:0.5
    dryrun obtener listar buscar consultar ver obtiene obtém lista busca consulta devuelve retorna
    calcula gera:0.6 genera:0.6 subtract:0.6 simplify:0.6 snap:0.5 interpolate:0.6
    intersect:0.6 greet:0.6 rerank:0.6 round?:0.5 slugify:0.6 diagnose recognize:0.7
    rephrase:0.6 paraphrase:0.6 chat?:0.6 examine outline?:0.6 study?:0.6 ls reveal:0.8 determine:0.7 advise
    decompile:0.8 disassemble:0.8 sum?:0.6`,
  Write: `create add allocate:0.8 new:0.7 make:0.7 update set put?:0.8 post:0.8 patch:0.8 edit modify change
    alter insert upsert save write append prepend upload? import? register rename move copy
    pull:0.7 optimize:0.6 arrange reinforce:0.6 introduce:0.5 switch:0.7 reorganize repair
    ensure:0.5 init:0.7 initialize:0.7 reopen concatenate:0.5 customize manage:0.5 finalize
    redact:0.8 receive:0.6 swap:0.7
    duplicate clone fork merge commit push tag?:0.6 label?:0.7 assign unassign invite share
    unshare publish unpublish send reply respond:0.7 comment?:0.7 tweet mark star unstar pin
    unpin follow unfollow like?:0.5 unlike vote react subscribe unsubscribe enable disable
    toggle activate deactivate configure schedule? reschedule book? reserve submit approve
    reject accept decline dismiss lock unlock archive? unarchive restore sync link unlink
    attach detach connect?:0.4 disconnect:0.5 login logout authenticate:0.6 authorize:0.7 grant
    close:0.8 start:0.7 begin:0.7 stop:0.8 shutdown:0.8 transition:0.8 leave?:0.7 place?:0.6 expose:0.8 contribute:0.7
    propose:0.5 pause resume restart:0.8 reboot scale resize emulate
    navigate go:0.6 goto click hover:0.7 drag type?:0.6 fill press scroll focus:0.6 record?:0.6
    select?:0.6 give:0.5 sign:0.7 populate end?:0.6 retract persist inject:0.7 replicate:0.8 clean?:0.5 rate?:0.6 establish:0.6
    prepare:0.6 ban unban kick?:0.7 freeze:0.8 unfreeze snooze protect:0.7 unprotect claim?:0.7
    initiate:0.7 suspend:0.8 unsuspend boot:0.8 tap:0.7 swipe:0.7 award:0.7 extend?:0.6
    multiply:0.5 divide:0.5 enforce:0.8 restrict:0.8 unblock join?:0.7 crop:0.7 override:0.8
    dispose:0.6 forward?:0.4 encrypt:0.6 decrypt:0.6 mint:0.4 skip:0.7 zoom:0.6
    acknowledge ack?:0.8 unacknowledge escalate silence:0.8 upvote downvote bookmark? favorite?:0.6
    reconcile:0.7 mention?:0.5 adjust?:0.7 timeout?:0.7 rsvp deliver?:0.5 remind nudge synchronize advance?:0.6 undo:0.8
    backup?:0.8 drain:0.8 cordon uncordon taint?:0.7 mount unmount seal
    unseal dequeue hide unhide unflag block?:0.4 transform?:0.6 blur:0.6 sharpen:0.6 fade?:0.6
    mirror?:0.6 flip?:0.6 moderate?:0.6 deny?:0.7 allow?:0.6 whitelist
    blacklist? allowlist? denylist? quarantine:0.8 isolate:0.8 remediate:0.8 vacuum?:0.6 compact?:0.6
    log?:0.6 track:0.7 note?:0.6 remember store memorize cache?:0.6 index?:0.6 ingest
    annotate highlight compress zip unzip migrate apply:0.8 provision refresh:0.6 renew:0.7
    rotate notify email?:0.7 message?:0.6 handle:0.5 draft? compose?:0.5 enqueue queue?:0.6 emit
    broadcast release:0.6 promote demote bump increment decrement replace fix correct revise
    rewrite rebase train tune mute unmute play?:0.6 confirm complete:0.7 finish
    transfer?:0.7 setup? checkout?:0.7 request?:0.6 crear actualizar guardar enviar
    agregar crea cria actualiza atualiza guarda envía envia agrega`,
  Execute: `run rerun execute exec eval invoke call:0.6 trigger launch spawn build?:0.7 rebuild compile
    deploy redeploy shell? bash? sh? cmd? powershell? python?:0.7 interpret install:0.7 upgrade:0.7 dispatch retry:0.7
    benchmark:0.7 fuzz process?:0.5 perform:0.5 ejecutar ejecuta executa downgrade:0.7`,
  Destructive: `delete remove rm del destroy drop?:0.8 purge erase wipe truncate clear:0.7
    reset:0.7 revoke terminate kill cancel:0.8 uninstall deregister unregister overwrite
    shred evict expire invalidate:0.8 tear?:0.9 rollback:0.8 revert:0.8 flush:0.7 prune cleanup:0.8
    discard abort:0.7 empty:0.7 trash:0.8 nuke teardown obliterate
    deprovision decommission eliminar borrar elimina borra exclui recycle?:0.7`,
  Financial: `pay charge refund purchase? buy sell withdraw deposit trade? bid? bet donate
    payout? invoice? bill?:0.7 fund?:0.4 void?:0.8 settle:0.8 remit stake unstake borrow lend repay redeem order?:0.6 topup pagar`,
};

/** Words that qualify the verb that follows (`force_delete`, `bulk_update`), never lead. */
export const MODIFIER_WORDS: ReadonlySet<string> = new Set(
  `force forced bulk batch multi mass auto quick smart safe safely async try soft hard
    batched single full partial local remote`.split(/\s+/),
);

/**
 * Quantities and qualities before an object that say which or how many, not what: "one or
 * more panel queries", "a custom SQL query".
 */
export const OBJECT_FILLERS: ReadonlySet<string> = new Set(
  `one more multiple several many some each every custom arbitrary given specified specific
    optional`.split(/\s+/),
);

/** Words skipped when looking for verbs and objects. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the to of for by from with and or in on at into onto as it its this that all any my
    your our their me us`.split(/\s+/),
);

/**
 * Vendor and namespace prefixes that lead tool names without being verbs
 * (`aws_`, `mcp_`, `gh_`). The server's own name words are skipped the same way.
 */
export const NAMESPACE_PREFIXES: ReadonlySet<string> = new Set(
  `mcp api apis sdk cli tool tools aws amazon gcp google azure az ms microsoft github gh
    gitlab bitbucket git k8s kube kubectl kubernetes docker npm pypi slack notion jira
    confluence atlassian stripe shopify salesforce sf hubspot zendesk linear asana trello figma
    vercel netlify cloudflare cf supabase firebase mongo mongodb postgres pg mysql redis elastic
    openai anthropic browser playwright puppeteer chrome devtools server srv svc service v1 v2
    v3 x app my sn zia zpa zdx ztw zcc fs db`.split(/\s+/),
);

function inflections(base: string): string[] {
  const forms = [base];
  const last = base.at(-1)!;
  const vowelBeforeY = /[aeiou]y$/.test(base);
  if (/(s|x|z|ch|sh|o)$/.test(base)) forms.push(`${base}es`);
  else if (last === 'y' && !vowelBeforeY) forms.push(`${base.slice(0, -1)}ies`);
  else forms.push(`${base}s`);
  if (/[^e]e$/.test(base)) forms.push(`${base.slice(0, -1)}ing`);
  else if (last === 'e') forms.push(`${base}ing`);
  else forms.push(`${base}ing`);
  // Doubled final consonant (run, stop, drop, submit): both spellings, harmlessly.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) forms.push(`${base}${last}ing`);
  return forms;
}

function buildVerbs(): { base: Map<string, Verb>; forms: Map<string, Verb> } {
  const base = new Map<string, Verb>();
  const forms = new Map<string, Verb>();
  for (const [category, table] of Object.entries(VERB_TABLE) as [ActionCategory, string][]) {
    for (const entry of table.split(/\s+/)) {
      if (entry === '') continue;
      const match = /^([\p{L}]+)(\?)?(?::([\d.]+))?$/u.exec(entry);
      if (!match) throw new Error(`vocabulary: bad entry ${entry}`);
      const word = match[1]!;
      if (base.has(word)) continue;
      const verb: Verb = {
        base: word,
        category,
        strength: match[3] ? Number(match[3]) : 1,
        ambiguous: match[2] === '?',
      };
      base.set(word, verb);
    }
  }
  for (const verb of base.values()) {
    for (const form of inflections(verb.base)) {
      // A base form always wins over another verb's inflection (`sets` vs `set`).
      if (!forms.has(form) || form === verb.base) forms.set(form, verb);
    }
  }
  for (const verb of base.values()) forms.set(verb.base, verb);
  return { base: withPrefixes(base), forms: withPrefixes(forms) };
}

/** A word a prefix may go before: a verb of at least three letters (`unset`, `resend`). */
const PREFIXABLE = /^[a-z]{3,}$/;

/**
 * The table's words with the prefixes it does not list. A change undone is a change
 * (`unset_default`, "Unflags the message"), and only changes are undone (`unread` is no
 * verb). A verb done again does what it does, object rules included (`resend`,
 * `regenerate_secret` makes a key), except `order`, which is as often about arranging as
 * buying (`reorder_columns`). Words the table lists keep their own entry.
 */
function withPrefixes(words: ReadonlyMap<string, Verb>): Map<string, Verb> {
  const all = new Map(words);
  const undone = new Map<Verb, Verb>();
  for (const [word, verb] of words) {
    if (!PREFIXABLE.test(word)) continue;
    if (verb.category !== 'Read' && !words.has(`un${word}`)) {
      let reversal = undone.get(verb);
      if (!reversal) undone.set(verb, (reversal = { base: `un${verb.base}`, category: 'Write', strength: verb.strength, ambiguous: verb.ambiguous }));
      all.set(`un${word}`, reversal);
    }
    if (verb.category !== 'Financial' && !words.has(`re${word}`)) all.set(`re${word}`, verb);
  }
  return all;
}

const BUILT = buildVerbs();

/**
 * A verb by its base form, or also by an inflection (`deletes`, `deleting`) when
 * `inflected`; never by a past form, which mostly describes things (`deleted items`).
 */
export function verbOf(word: string, inflected: boolean): Verb | undefined {
  return inflected ? BUILT.forms.get(word) : BUILT.base.get(word);
}

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((word) => word !== ''));
}

/** Particles that make one verb of two words: `roll back`, `shut down`, `clean up`. */
const PARTICLES = set(`up down back out off in`);

/**
 * The verb a word and a particle after it make (`roll_back`, "Shuts down the server") when
 * the table lists it written as one word (`rollback`, `shutdown`): `roll` alone is no verb,
 * and `check` alone only looks where `check out` changes.
 */
function phrasalVerbOf(word: string, next: string | undefined, inflected: boolean): Verb | undefined {
  if (next === undefined || !PARTICLES.has(next)) return undefined;
  const joined = verbOf(`${word}${next}`, false) ?? (inflected && word.endsWith('s') ? verbOf(`${word.slice(0, -1)}${next}`, false) : undefined);
  // Written as two words it is the verb, where the one word is as often a noun (`setup`).
  return joined && { ...joined, ambiguous: false };
}

/** The verb `word` is, taking the particle `next` with it when the two make one (`shut down`). */
export function verbWithParticle(word: string, next: string | undefined, inflected: boolean): Verb | undefined {
  return phrasalVerbOf(word, next, inflected) ?? verbOf(word, inflected);
}

/** Verbs that destroy what they act on, whatever it is: with money nouns they stay Destructive. */
export const HARD_DELETES = set(`delete remove rm del destroy drop purge erase wipe truncate shred nuke
  obliterate`);

/** Objects that make `run`/`execute` a read: running a query or a report changes nothing. */
export const READ_OBJECTS = set(`query queries search searches report reports analysis
  aggregation aggregations check checks audit lookup lookups count stats statistics select
  diagnostics diagnostic healthcheck explain scan scans inspection inspections find probe probes
  analyzer analyzers analyses`);

/** Objects that make `drop` destructive: dropping a table, not dropping a file onto a page. */
export const STORE_OBJECTS = set(`table tables database databases db dbs collection collections
  index indexes indices schema schemas view views column columns keyspace bucket buckets
  namespace graph partition partitions constraint constraints trigger triggers user users role
  roles stream streams topic topics queue queues cache`);

/** Objects that make `create`/`start`/`trigger` an execution: a build, a job, a pipeline. */
export const EXECUTION_OBJECTS = set(`build builds job jobs pipeline pipelines workflow
  workflows deployment deployments deploy lambda function functions script scripts command
  commands process processes container containers notebook run runs action actions test tests
  playbook playbooks execution executions invocation`);

/** What `generate` makes when it makes something that stays: files, keys, credentials. */
/** What generating hands back as its answer: text, an image, a summary. */
export const GENERATED_CONTENT = set(`text texts content response responses answer answers
  summary summaries completion completions story stories poem caption captions idea ideas
  image images`);

export const GENERATED_ARTIFACTS = set(`file files directory folder key keys apikey credential
  credentials secret secrets certificate certificates model models asset
  assets presentation presentations document documents project projects`);

/**
 * What guidance tools hand back: instructions, plans, best practices, diagrams, text. A
 * tool that only returns them reads, whatever its verb (`get_best_practices`,
 * `generate_plan`, "Provide installation instructions").
 */
export const GUIDANCE_OBJECTS = set(`instructions instruction guidance guide guides practices
  recommendations recommendation tips advice suggestions suggestion plan plans outline outlines
  checklist checklists strategy strategies explanation explanations diagram diagrams ideas idea
  answer answers examples example prompt prompts walkthrough tutorial tutorials steps`);

/**
 * Guidance a name can be about, right after a verb: `build_instructions` and `deploy_guide`
 * tell how to build and deploy.
 */
export const GUIDE_NOUNS = set(`instructions instruction guidance guide guides help tips advice
  walkthrough howto faq practices recommendations`);

/** Verbs that hand such things back when their object is one of them. */
export const GUIDANCE_VERBS = set(`generate provide suggest recommend draft produce get give show
  explain compose return propose outline describe`);

/**
 * Values a tool computes on and hands back (geometry, numbers, units, dates): merging
 * polygons or converting units reads, where merging branches writes.
 */
export const VALUE_OBJECTS = set(`polygon polygons geometry geometries point points line lines
  linestring linestrings coordinate coordinates distance distances area areas vector vectors
  matrix matrices unit units timezone timezones temperature temperatures bbox
  gps geojson shape shapes angle angles`);

/** Values converted from one form to another and handed back. */
export const CONVERTED_VALUES = set(`degree degrees radian radians timestamp timestamps date dates datetime
  datetimes duration durations celsius fahrenheit color colors colour colours unit units currency
  currencies temperature temperatures number numbers`);

/**
 * Records a service keeps, which converting changes in place: an issue made a subtask, a
 * draft made an issue, a column given another collation.
 */
export const CONVERTED_RECORDS = set(`issue issues task tasks subtask subtasks draft drafts ticket
  tickets lead leads card cards story stories epic epics column columns`);

/** What encrypting or decrypting hands back, where encrypting a wallet or a disk changes it. */
export const CIPHERED_VALUES = set(`text texts string strings value values message messages data payload
  payloads plaintext ciphertext`);

/** What minting puts on a ledger, where minting a link or a credential only issues it. */
export const MINTED_VALUE = set(`coin coins tokens nft nfts erc20 erc721 erc1155 currency stablecoin
  stablecoins`);

/** What forwarding passes on to someone or somewhere else. */
export const FORWARDED_OBJECTS = set(`email emails mail message messages port ports call calls traffic
  request requests`);

/** Verbs that compute on values: with a value object they read. */
export const COMPUTING_VERBS = set(`join merge subtract simplify snap buffer compute calculate
  convert test intersect union split measure transform combine round interpolate project`);

/** Parts of a stored document or sheet: formatting or sorting them changes the document. */
export const DOCUMENT_PARTS = set(`range ranges cell cells sheet sheets worksheet worksheets row
  rows column columns table tables document documents paragraph paragraphs slide slides file
  files workbook workbooks spreadsheet spreadsheets`);

/** Verbs that restyle or reorder what they act on. */
export const RESTYLING_VERBS = set(`format sort style align indent highlight reorder`);

/** What resolving changes the state of: an issue, a ticket, an alert. */
export const RESOLVED_OBJECTS = set(`issue issues ticket tickets incident incidents alert alerts
  conflict conflicts comment comments thread threads bug bugs problem problems finding findings
  vulnerability vulnerabilities`);

/** Data that joining combines and hands back, where joining a team makes a member. */
export const JOINED_DATA = set(`table tables string strings path paths array arrays list lists dataset
  datasets dataframe dataframes`);

/** What minting a signed link hands back, as generating one does. */
export const ISSUED_LINKS = set(`url urls link links`);

/**
 * What a model is asked for, in the name several model APIs give the call ("Create a chat
 * completion"): creating one hands back the model's reply, where creating a record keeps it.
 * Only as the object itself or after the kind of completion: a course completion is a record.
 */
export const MODEL_REPLIES = set(`completion completions`);
export const MODEL_REPLY_KINDS = set(`chat text code`);

/**
 * Infrastructure that launching provisions: a new instance is a resource kept, not code run.
 * Servers, nodes, clusters and machines are left out: a dev server or a Node script launched
 * runs, and so does a job launched on a cluster.
 */
export const PROVISIONED = set(`instance instances vm vms database databases db dbs droplet droplets`);

/** What removing edits out of a picture or a recording: the background goes, the picture stays. */
export const EDITED_OUT = set(`background backgrounds bg watermark watermarks noise`);
/** What runs in the background: a background task removed is gone. */
export const BACKGROUND_WORK = set(`task tasks job jobs process processes worker workers service services`);

/** What opening shows on a screen for the user: opening a file only reads it. */
export const SHOWN_ON_SCREEN = set(`tab tabs window windows url urls link links app apps application
  applications browser browsers page pages website websites site`);

/** Who or what blocking shuts out: a user, a sender, an address, a kind of sign-in. */
export const BLOCKED_OBJECTS = set(`user users contact contacts sender senders member members
  account accounts ip ips address addresses domain domains number numbers caller callers auth
  signin signins sign login logins access traffic request requests email emails spam bot bots`);

/**
 * What a snapshot keeps a copy of: a volume, a database, a repository. A snapshot of a
 * page, of memory or of an instance's metrics is read and handed back.
 */
export const SNAPSHOTTED_STORES = set(`volume volumes disk disks database databases db repository
  repo filesystem bucket buckets instance instances vm vms machine machines`);

/** What rehearses an action without taking it: `deploy_plan`, `migrate_preview`. */
export const REHEARSALS = set(`plan plans preview previews dryrun simulation rehearsal`);

/** Money put into or taken out of a trading pool: adding or removing it moves funds. */
export const POOLED_FUNDS = set(`liquidity`);

/** What funding puts money into: an account, a wallet, a card. */
export const FUNDED_OBJECTS = set(`account accounts wallet wallets address addresses card cards
  escrow balance`);

/** What opening starts a record of: a case, a ticket, a pull request, an account. */
export const OPENED_RECORDS = set(`case cases ticket tickets issue issues incident incidents
  pr prs pull dispute disputes account accounts session sessions step steps`);
/** What opening or closing trades: a position. */
export const OPENED_POSITIONS = set(`position positions trade trades long short`);

/** Attacks a security test fires at a live target to see whether they work. */
export const ATTACKS = set(`xss injection injections sqli nosqli ssrf csrf clickjacking traversal bypass
  tampering escalation deserialization payloads bruteforce exploit exploits vulnerability
  vulnerabilities misconfiguration misconfigurations idor manipulation abuse`);

/** What a test only checks: whether something holds, a connection, a pattern against a string. */
export const CHECKED_BY_TEST = set(`if whether connection connections connectivity credentials
  regex regexp regular pattern patterns expression expressions indexer indexers`);

/** What a tool moves through to show it, where navigating a page moves a browser. */
export const BROWSED_STRUCTURES = set(`tree trees hierarchy hierarchies structure structures component
  components codebase codebases repository repositories repo repos directory directories folder
  folders docs documentation sections graph graphs`);

/** What sending, reporting or filing something to someone else delivers: a write. */
export const DELIVERED_OBJECTS = set(`email emails mail message messages sms text texts notification
  notifications feedback problem problems issue issues bug bugs complaint complaints report
  reports invitation invitations invite invites reminder reminders alert alerts newsletter`);

/** Verbs that deliver something to someone else. */
export const DELIVERING_VERBS = set(`send report file submit share post forward notify email mail dispatch deliver`);

/** What a tool sends when it only asks: a prompt or a question sent to get an answer back. */
export const ASKED_OBJECTS = set(`prompt prompts question questions query queries completion
  completions`);
/** Who answers what is sent to them: a model, whose reply comes back to the caller. */
export const MODEL_RECIPIENTS = set(`ai llm llms model models assistant chatbot gpt chatgpt claude
  gemini ollama openai copilot`);
/** What running verbs ask of a model: invoking a chat asks it; sending one messages people. */
export const CHAT_OBJECTS = set(`chat chats`);

/** What a software build builds: building anything else constructs it (`build_mega_menu`). */
export const BUILT_SOFTWARE = set(`project projects app apps application applications target
  targets image images container containers function functions plugin plugins site sites
  package packages binary binaries job jobs device devices sim simulator emulator macos ios
  android docker dockerfile artifact artifacts module modules solution workspace code source
  run install release releases firmware extension extensions library libraries service
  services docs bundle bundles wheel crate model models server servers instance instances vm vms
  machine machines cluster clusters node nodes pipeline pipelines workflow workflows`);

/** Nouns that close the name of a tool managing something: it may do anything to it. */
export const MANAGING_NOUNS = set(`management admin administration`);

/** Verbs of arithmetic that also act on things (`add` a member, `multiply` a clip's speed). */
export const ARITHMETIC_VERBS = set(`add multiply divide subtract round`);
/** Operands of arithmetic: adding them computes, where adding a record stores it. */
export const ARITHMETIC_OBJECTS = set(`number numbers integer integers operand operands digit digits
  fraction fractions decimal decimals matrix matrices tensor tensors num nums`);

/** A transaction sent, signed or broadcast moves value on a ledger. */
export const TRANSACTION_OBJECTS = set(`transaction transactions tx txs txn rawtransaction`);
export const TRANSACTING_VERBS = set(`send sign broadcast submit`);

/** Value a wallet or an account claims: claiming it moves money to the claimant. */
export const CLAIMED_VALUE = set(`rewards earnings commission commissions yield yields airdrop airdrops
  tokens funds payout payouts dividends interest`);

/** What placing commits money to: an order, a bet, a bid, a trade. */
export const PLACED_OBJECTS = set(`order orders bet bets bid bids trade trades wager wagers`);

/**
 * Verbs that work on a statement's text without running it: formatting, checking or
 * translating a SQL query hands back text or findings.
 */
export const STATEMENT_TEXT_VERBS = set(`format validate lint parse translate convert`);

/**
 * Verbs a description opens with when the tool sets work going elsewhere ("Trigger a
 * search", "Initiate an export") rather than doing it and handing back the answer.
 */
export const WORK_STARTING_VERBS = set(`trigger initiate start begin kick queue enqueue`);

/** Verbs that start something: with an execution object they run it. */
export const STARTING_VERBS = set(`start begin trigger new submit queue enqueue dispatch kick launch
  schedule restart rerun retry`);

/** What `create` runs when it creates it: a build or a deployment is run on creation. */
export const RUN_OBJECTS = set(`build builds deployment deployments deploy run runs execution
  executions invocation invocations`);

/** Objects of `take`/`capture`/`grab` that are reads of what is on screen. */
export const CAPTURE_OBJECTS = set(`screenshot screenshots snapshot snapshots screen picture
  photo image heapsnapshot`);

/**
 * Money nouns. With a verb that changes state (`create_refund`, `update_subscription`,
 * `send_payment`) they make the tool Financial; with a read verb (`list_payments`) they do not.
 * Strong nouns are about money by themselves; weak ones only with a money verb or parameter.
 */
export const MONEY_NOUNS_STRONG = set(`payment payments payout payouts refund refunds charge
  charges invoice invoices billing subscription subscriptions price prices pricing funds money
  purchase purchases payroll fee fees donation donations paymentintent
  paymentintents payment_intent salary salaries remittance wire`);
export const MONEY_NOUNS_WEAK = set(`order orders transfer transfers checkout balance credit
  credits cart wallet trade trades swap position positions eth btc sol usdc usdt
  usd eur crypto coin coins token tokens sats lamports wei nft bet bets stake bid bids loan
  loans coupon coupons discount discounts`);

/** Nouns that, leading a name with no verb, usually name data being looked up. */
export const READ_NOUNS = set(`data info information details detail stats statistics status
  logs log history metadata meta schema summary leaderboard ranking rankings analytics metrics
  overview results usage health trends trend score scores version versions tree size indexes
  list catalog catalogue insights insight report reports analysis overview schedules
  standings docs documentation readme definition definitions properties config settings
  state context outputs output runs changelog records record profile dashboard quote quotes
  estimate estimates balance balances timestamp datetime`);

/** Parameter words that carry code or commands to run. */
export const COMMAND_PARAM_WORDS = set(`command commands cmd cmds cmdline commandline script
  scripts snippet snippets`);
export const CODE_PARAM_QUALIFIERS = set(`source python py js javascript typescript ts shell
  bash script program playwright lua ruby r julia snippet raw user custom test function sandbox
  node deno go rust java`);
export const SQL_PARAM_WORDS = set(`sql statement statements sqlquery cypher`);
export const SEARCH_PARAM_WORDS = set(`query q search keyword keywords term terms filter
  filters`);
export const PAGING_PARAM_WORDS = set(`limit page cursor offset pagesize perpage page_size
  per_page startcursor start_cursor pageidx pagetoken page_token`);
export const PATH_PARAM_WORDS = set(`path paths file files filepath filename filenames dir
  directory directories folder`);
export const OUTPUT_PARAM_LEADERS = set(`output out save dest destination target export
  download write`);
export const URL_PARAM_WORDS = set(`url urls uri uris endpoint webhook href link host
  hostname`);
export const CONTENT_PARAM_WORDS = set(`content contents body edits changes updates patch
  newstring new_string`);
export const AMOUNT_PARAM_WORDS = set(`amount amounts price prices value_usd sats lamports wei
  quantity_usd`);
export const PAYEE_PARAM_WORDS = set(`recipient recipients payee beneficiary to destination
  toaddress to_address receiver iban account currency card cardnumber card_number cvc cvv
  paymentmethod payment_method`);
export const DESTRUCTIVE_FLAG_WORDS = set(`force purge permanent permanently hard cascade
  overwrite drop delete wipe`);
