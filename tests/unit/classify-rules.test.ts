/**
 * The engine's general rules, each on made-up tools (none of them from the shared data):
 * a server's shared prefix and where it puts its verbs, the description's stated action,
 * guidance tools, sending, previews, query runners, computing on values, restyling a
 * document, resolving an issue, confirmation switches, reversed verbs, second and listed
 * actions (in the opening sentence, as clauses, one a line, joined in a name), verbs used as things, verbs
 * read by their objects, names without a verb, descriptions in Spanish and Portuguese,
 * and the confidence of a terse description.
 */
import { describe, expect, it } from 'vitest';
import { classifyTool, ENGINE, type ServerIdentity } from '../../src/catalogue/classify/classify-tool.ts';
import { sharedPrefixes } from '../../src/catalogue/classify/name-signals.ts';
import { verbOf } from '../../src/catalogue/classify/vocabulary.ts';
import { CONFIDENCE_MEASURED, confidenceMeaning } from '../../src/catalogue/prose/confidence.ts';

function classify(name: string, description: string, properties: Record<string, unknown> = {}, server?: ServerIdentity) {
  return classifyTool({ name, description, inputSchema: { type: 'object', properties } }, server);
}

const category = (...args: Parameters<typeof classify>) => classify(...args).category;

describe('a server\'s naming style', () => {
  it('finds the prefix most names share, but not a verb most names open with', () => {
    expect(sharedPrefixes(['zebra_record_create', 'zebra_record_list', 'zebra_note_delete', 'status'])).toEqual(['zebra']);
    expect(sharedPrefixes(['web_data_shop_item', 'web_data_city_map', 'web_data_blog_post', 'fetch'])).toEqual(['web', 'data']);
    expect(sharedPrefixes(['get_users', 'get_items', 'get_orders', 'create_item'])).toEqual([]);
    expect(sharedPrefixes(['record_create', 'record_delete', 'record_update'])).toEqual(['record']);
    expect(sharedPrefixes(['a_x', 'b_y'])).toEqual([]);
  });

  it('reads past a service prefix that is also a verb, and takes the last word on a server that puts verbs last', () => {
    const names = ['track_parcel_create', 'track_parcel_update', 'track_parcel_list', 'track_label_delete', 'track_label_get'];
    const server = { id: 'parcels', name: 'Parcels', toolNames: names };
    expect(category('track_parcel_create', 'Creates a new parcel record for shipping.', {}, server)).toBe('Write');
    expect(category('track_label_delete', 'Label removal.', {}, server)).toBe('Destructive');
    expect(category('track_parcel_list', 'Parcel records.', {}, server)).toBe('Read');
    // Without the server's names, the first word leads as before.
    expect(classify('track_parcel_list', '').signals[0]!.label).toBe('leading-verb:track');
    // After a preposition the last word is an object.
    expect(category('track_label_create_from_search', 'Make a label from a saved search.', {}, { ...server, toolNames: [...names, 'track_parcel_query'] })).toBe('Write');
  });

  it('weighs a verb closing a long compound as its head noun, so the description decides', () => {
    expect(category('shop_catalog_book_store', 'Reads the listings of a book store.', {})).toBe('Read');
    expect(category('save_note', 'Saves a note.')).toBe('Write');
  });

  it('reads an English word made of a Latin prefix and a verb as a word, not as a product and a verb', () => {
    expect(category('exchangeTotals', 'Returns the totals of an exchange.')).toBe('Read');
    expect(classify('accountTiers', '').signals.map((signal) => signal.label)).not.toContain('name-compound:count');
    expect(category('tfdestroy', '')).toBe('Destructive');
    expect(category('wallet_balance', '')).toBe('Read');
  });
});

describe('the description\'s stated action', () => {
  it('lets "Creates", "Updates", "Sends" at the head outweigh a name verb that only reads', () => {
    expect(category('fetch_or_make_widget', 'Creates a new widget when none exists, and returns it.')).toBe('Write');
    expect(category('lookup_and_notify', 'Sends a notification email to the owner of the record.')).toBe('Write');
    // An imperative may be advice, and keeps its ordinary weight.
    expect(classify('lookup_widget', 'Create a widget first, then look it up here.').category).toBe('Read');
  });

  it('sets work going when it opens by triggering or starting what the name reads', () => {
    expect(category('search_backlog', 'Trigger a search for every missing track of an album.')).toBe('Execute');
    expect(category('index_scan', 'Trigger a background scan of the library.')).toBe('Execute');
    expect(category('audit_export', 'Initiate an export of the audit trail to a bucket.')).toBe('Write');
    expect(category('crawl_site', 'Start crawling the pages of a site.', { url: { type: 'string' } })).toBe('Write');
    // Without a job or the name's own work to start, or with the verb past the head, it reads.
    expect(category('get_started', 'Start here: explains how the other tools fit together.')).toBe('Read');
    expect(category('site_crawl', 'A fast crawler that initiates a crawl and returns the pages it found.', { url: { type: 'string' } })).toBe('Read');
    // Nor when the sentence hands the result back, sequences calls, or starts other work.
    expect(category('search_docs', 'Initiates a search over the knowledge base and returns the matching documents.', { query: { type: 'string' } })).toBe('Read');
    expect(category('fetch_job_result', 'Start a job with start_job first, then fetch its result here.', { jobId: { type: 'string' } })).toBe('Read');
    expect(category('list_runs', 'Start and end dates bound the runs that are listed.', { startDate: { type: 'string' } })).toBe('Read');
  });
});

describe('guidance, previews and sending', () => {
  it('reads when a tool hands back instructions, plans, best practices or diagrams', () => {
    expect(category('get_best_practices', 'Get best practices for writing queue consumers.')).toBe('Read');
    expect(category('generate_migration_plan', 'Generate a plan for moving the cluster to the new region.')).toBe('Read');
    expect(category('provide_setup_instructions', 'Provide installation instructions for the agent on each platform.')).toBe('Read');
    expect(category('system_diagram', 'Generates a sequence diagram of the described flow, in Mermaid.')).toBe('Read');
  });

  it('reads what a tool drafts without creating or updating anything', () => {
    expect(category('generate_release_text', 'Generate the heading and body for a release from merged changes, without creating or updating a release.')).toBe('Read');
  });

  it('reads a preview or a dry run, and what a tool says it does not apply', () => {
    expect(category('stack_changes', 'Shows a preview of the changes before applying them to the stack.')).toBe('Read');
    expect(category('config_apply_check', 'Validates the configuration without applying the changes.')).toBe('Read');
  });

  it('reads what a tool says it runs nothing of, or changes nothing with', () => {
    const plan = classify('explain_statement', 'Get the plan of a SQL statement without executing it.', { sql: { type: 'string' } });
    expect(plan.category).toBe('Read');
    expect(plan.signals).toContainEqual(expect.objectContaining({ label: 'phrase:does-not-run', category: 'Read' }));
    expect(classify('weekly_recap', 'A recap of the week, from the log. Changes nothing.').signals).toContainEqual(expect.objectContaining({ label: 'phrase:does-not-modify', category: 'Read' }));
    expect(classify('audience_preview', 'Shows who a filter reaches. Nothing is written.').signals).toContainEqual(expect.objectContaining({ label: 'phrase:does-not-modify', category: 'Read' }));
    // Not when the clause makes it a condition, a promise about privacy, or "not yet".
    const read = (tool: ReturnType<typeof classify>) => tool.signals.filter((signal) => signal.category === 'Read' && signal.label.startsWith('phrase:'));
    expect(read(classify('update_record', 'Update a record. If the values are the same, changes nothing.'))).toEqual([]);
    expect(read(classify('update_row', 'Update a row. If the values match, it does not modify the row.'))).toEqual([]);
    expect(read(classify('compare_branch', 'Compares the branch with main and changes nothing.')).length).toBeGreaterThan(0);
    expect(read(classify('send_sms', 'Send an SMS. Nothing is stored on our servers.', { to: { type: 'string' } }))).toEqual([]);
    expect(read(classify('schedule_query', 'Save a SQL query to run nightly, without executing it now.'))).toEqual([]);
    // "Non-destructive" has its own words in the rationale.
    expect(classify('prune_preview', 'Non-destructive preview of what pruning would remove.').signals).toContainEqual(expect.objectContaining({ label: 'phrase:non-destructive' }));
  });

  it('reads the plan of an action named before it, when the description says nothing changes', () => {
    expect(category('deploy_plan', '计算部署计划（dry-run，不产生任何变更）。', { env: { type: 'string' } })).toBe('Read');
    expect(category('migratePreview', 'Computes the steps a migration would take; read-only.')).toBe('Read');
    // Without that word, the name may as well carry the plan out.
    expect(category('deploy_plan', 'Carries out a saved plan on the cluster.')).toBe('Execute');
    // A verb whose object a plan is keeps its weight: applying a plan applies it.
    const apply = classify('apply_plan', 'Apply a saved plan. Use plan_show first to see a preview of the changes.');
    expect(apply.signals).toContainEqual(expect.objectContaining({ label: 'leading-verb:apply', weight: 3.2 }));
  });

  it('reads guidance a name puts after the action it is about: build instructions, a deploy guide', () => {
    expect(category('build_instructions', 'Provide instructions to build the project.')).toBe('Read');
    expect(category('install_help', 'Explains how to install the CLI on each platform.')).toBe('Read');
    const guide = classify('deploy_guide', '');
    expect(guide.category).toBe('Read');
    expect(guide.rationale).toContain('its name says it is guidance ("guide")');
    expect(category('migrate_jobs_to_v2_guide', 'Read this before moving jobs to the new scheduler.')).toBe('Read');
    // Creating a guide is a change, and what deploys or runs stays an operation: docs and
    // checklists are what it acts on.
    expect(category('create_guide', '')).toBe('Write');
    expect(category('deploy_docs', '')).toBe('Execute');
    expect(category('deploy_app', '')).toBe('Execute');
  });

  it('reads when it answers about an action: "best practices for deploying" deploys nothing', () => {
    expect(category('deploy_get_best_practices', 'Get best practices for deploying a web app to the platform.')).toBe('Read');
    expect(category('deploy_app', 'Deploys the app to the platform.')).toBe('Execute');
    expect(category('app_shipper', 'Tool for deploying apps to the platform.')).toBe('Execute');
  });

  it('writes when it emails a report to someone', () => {
    expect(category('email_report', 'Email the weekly report to the account owner.')).toBe('Write');
    // Dispatching or delivering a message sends it; dispatching a workflow runs it.
    expect(category('dispatch_notification', 'Dispatch a push notification to a device.', { deviceToken: { type: 'string' } })).toBe('Write');
    expect(category('deliver_digest', 'Deliver the weekly report to subscribers.')).toBe('Write');
    expect(category('dispatch_workflow', 'Dispatch a workflow run.')).toBe('Execute');
    // "Delivers" is as often a word for "provides".
    expect(category('get_forecast', 'Delivers a 7-day weather forecast for a city.', { city: { type: 'string' } })).toBe('Read');
    expect(category('remind_assignee', 'Remind the assignee about a task.')).toBe('Write');
  });

  it('writes when it sends an email, a report or feedback, and reads when it sends a prompt to get an answer', () => {
    expect(category('send_digest', 'Send an email to the team with the weekly digest.')).toBe('Write');
    expect(category('report_problem', 'Report a problem with this service to its maintainers.')).toBe('Write');
    expect(category('submit_bug', 'Submit a bug to the tracker with the given title.')).toBe('Write');
    expect(category('ask_model', 'Send a prompt to the model and get back its answer.')).toBe('Read');
  });
});

describe('query runners', () => {
  it('may change data when they run a statement as given, whatever the name says', () => {
    expect(category('run_query', 'Runs a SQL query against the warehouse and returns the rows.', { sql: { type: 'string' } })).toBe('Execute');
    expect(category('query', 'Execute a query.', { query: { type: 'string', description: 'The SQL statement to run' } })).toBe('Execute');
  });

  it('read when the tool says so, or when they query an analytics store', () => {
    expect(category('run_query', 'Runs a read-only SQL query.', { sql: { type: 'string' } })).toBe('Read');
    expect(category('query_events', 'Runs a HogQL query over the product analytics events.', { query: { type: 'string', description: 'HogQL query' } })).toBe('Read');
    expect(category('search_logs', 'Runs a KQL query over the application logs.', { query: { type: 'string', description: 'KQL query' } })).toBe('Read');
  });

  it('find the query behind words that say how many or what kind', () => {
    expect(category('query_ledger_events', 'Runs a custom read-only SQL query against the orders database.', { sql: { type: 'string' } })).toBe('Read');
    expect(category('run_chart_query', 'Executes one or more saved chart queries with optional time range overrides.', { chartIds: { type: 'array' } })).toBe('Read');
    // A statement whose use nobody restricts may still write.
    expect(category('query_ledger_events', 'Runs a custom SQL query against the orders database.', { sql: { type: 'string' } })).toBe('Execute');
  });

  it('run a statement when the name says it runs a query language, even with no schema shown', () => {
    expect(category('run_sql_query', '')).toBe('Execute');
    expect(classify('run_sql_query', '').rationale).toContain('its name says it runs SQL statements, which may change data');
    expect(category('exec_cypher', '')).toBe('Execute');
    expect(category('run_sql_query', 'Runs a read-only query on the ledger.')).toBe('Read');
    // A query in no named language may be a search.
    expect(category('run_query', '')).toBe('Read');
  });

  it('run a statement when the description opens by running SQL, with no schema shown', () => {
    const runner = classify('warehouse_query', 'Execute a SQL query against the warehouse.');
    expect(runner.category).toBe('Execute');
    expect(runner.rationale).toContain('its description says it runs SQL statements');
    expect(category('warehouse_query', 'Execute a read-only SQL query against the warehouse.')).toBe('Read');
  });

  it('may change data when they run a GraphQL mutation, whatever the name calls them', () => {
    expect(category('run_graph_query', 'Run a GraphQL query or mutation against the shop API.')).toBe('Execute');
    expect(category('run_graph_query', 'Run a GraphQL query against the shop API.')).toBe('Read');
  });

  it('read when the description limits them to SQL SELECT statements', () => {
    expect(category('query_ledger', 'Executes a SQL SELECT query on the ledger and returns the rows.', { sql: { type: 'string' } })).toBe('Read');
    expect(category('ledger_sql', 'Runs SQL on the ledger. SELECT statements only.', { sql: { type: 'string' } })).toBe('Read');
    expect(classify('ledger_sql', 'Runs SQL on the ledger. SELECT statements only.', { sql: { type: 'string' } }).rationale).toContain('limits it to SQL SELECT statements');
    expect(category('ledger_sql', 'Runs SQL on the ledger.', { sql: { type: 'string' } })).toBe('Execute');
    expect(category('ledger_sql', 'Runs SQL on the ledger. Only SELECT is allowed.', { sql: { type: 'string' } })).toBe('Read');
  });

  it('read when the name runs a statement the tool limits to reads', () => {
    const sql = { sql: { type: 'string' } };
    expect(category('execute_sql', 'Execute a read-only SQL query against the ledger.', sql)).toBe('Read');
    expect(category('run_sql', 'Runs SQL on the ledger. Only SELECT statements are allowed.', sql)).toBe('Read');
    expect(category('execute_sql', 'Execute a SQL statement against the ledger.', sql)).toBe('Execute');
    // A command the tool also takes still runs.
    expect(category('run_sql', 'Runs SQL. Only SELECT statements are allowed.', { ...sql, command: { type: 'string' } })).toBe('Execute');
    // A limit that is conditional, about something else, or not on the statement is none.
    expect(category('execute_sql', 'Execute SQL. When the server runs with --read-only, only SELECT statements are allowed.', sql)).toBe('Execute');
    expect(category('execute_sql', 'Executes SQL. Unlike the read-only query tool, this one can modify data.', sql)).toBe('Execute');
    expect(category('execute_sql', 'Execute arbitrary SQL, including DROP and ALTER. Only SELECT results come back as rows.', sql)).toBe('Execute');
    expect(category('execute_sql', 'Execute SQL. Only SELECT statements are allowed; pass allow_writes to run INSERT or DELETE.', sql)).toBe('Execute');
    expect(category('execute_readonly_sql', 'Execute SQL. INSERT and DELETE are supported too.', sql)).toBe('Execute');
    expect(category('run_sql', 'Run SQL. Only SELECT and EXPLAIN statements are allowed.', sql)).toBe('Read');
  });

  it('read when the name calls what they run read-only', () => {
    expect(category('run_readonly_transaction', '')).toBe('Read');
    expect(category('exec_read_only_statement', '', { statement: { type: 'string' } })).toBe('Read');
    // A read-only word elsewhere in the description qualifies something else.
    expect(category('run_tool', 'Run a tool. Read-only tools run without approval.', { toolName: { type: 'string' } })).toBe('Execute');
  });

  it('read when they format, check or translate a statement instead of running it', () => {
    const sql = { sql: { type: 'string', description: 'The SQL statement' } };
    expect(category('tidy_sql', 'Format a SQL statement for readability.', sql)).toBe('Read');
    expect(category('warehouse_sql_lint', 'Lints a SQL query for style problems.', sql)).toBe('Read');
    expect(category('dialect_port', 'Translate a SQL statement from one dialect to another.', sql)).toBe('Read');
    expect(classify('tidy_sql', 'Format a SQL statement for readability.', sql).signals).toContainEqual(expect.objectContaining({ label: 'param:sql', category: 'Read' }));
    // A name or a description that also runs or applies the statement still runs it.
    expect(category('lint_and_run_sql', 'Lint a SQL statement, then run it.', sql)).toBe('Execute');
    expect(category('tidy_sql', 'Formats and executes a SQL statement.', sql)).toBe('Execute');
    expect(category('check_sql', 'Validates and runs a SQL statement.', sql)).toBe('Execute');
    expect(category('check_ddl', 'Validate a DDL statement by executing it inside a rolled-back transaction.', sql)).toBe('Execute');
    const ported = classify('dialect_port', 'Translate a SQL statement to the target dialect and apply it to the database.', sql);
    expect(ported.category).not.toBe('Read');
    expect(ported.signals).toContainEqual(expect.objectContaining({ label: 'param:sql', category: 'Execute' }));
    expect(category('port_ddl', 'Convert the migration to the Postgres dialect and apply the DDL.', sql)).not.toBe('Read');
    // A run the description denies is none.
    expect(category('tidy_sql', 'Formats a SQL query. The query is never executed.', sql)).toBe('Read');
  });
});

describe('computing on values, restyling documents, resolving issues', () => {
  it('reads when it computes on geometry, numbers or units and hands them back', () => {
    expect(category('join_shapes', 'Merge two or more polygons into a single geometry.')).toBe('Read');
    expect(category('trim_path', 'Simplify a line by removing points that add little.')).toBe('Read');
    expect(category('convert_units', 'Convert a temperature from Celsius to Fahrenheit.')).toBe('Read');
    // Merging branches is no computation, nor is creating a phone number; rounding one is.
    expect(category('merge_branch', 'Merge a branch into the default branch.')).toBe('Write');
    expect(category('phone_line_create', 'Creates a new phone number for the account.')).toBe('Write');
    expect(category('whiteboard_shape', 'Create a shape on a shared whiteboard.')).toBe('Write');
    expect(category('number_floor', 'Rounds a number down to the nearest integer.')).toBe('Read');
  });

  it('writes when it formats or sorts part of a stored sheet or document', () => {
    expect(category('sort_sheet_range', 'Sort a range of the worksheet by its first column.')).not.toBe('Read');
    expect(category('format_table_cells', 'Format the cells of a table in the document.')).not.toBe('Read');
    expect(category('format_date', 'Format a date as ISO 8601.')).toBe('Read');
  });

  it('writes when it resolves an issue, and reads when it resolves a name', () => {
    expect(category('resolve_ticket', 'Resolve a support ticket.')).toBe('Write');
    expect(category('resolve_hostname', 'Resolve a hostname to its addresses.')).toBe('Read');
  });

  it('reads an analysis or a diagnostic it runs', () => {
    expect(category('run_diagnostic', 'Run a connectivity diagnostic for the configured site.')).toBe('Read');
    expect(category('execute_analyzer', 'Execute a latency analyzer over the recorded requests.')).toBe('Read');
  });
});

describe('files written where the caller says', () => {
  it('changes the environment when it takes an output path, however its path parameter is qualified', () => {
    expect(category('render_chart', 'Render a chart of the series.', { outputPath: { type: 'string' } })).toBe('Write');
    expect(category('render_chart', 'Render a chart of the series.', { outputPathAbsolute: { type: 'string' } })).toBe('Write');
    expect(category('render_chart', 'Render a chart of the series.', { series: { type: 'array' } })).toBe('Read');
  });
});

describe('confirmation switches', () => {
  it('makes a tool that asks the caller to confirm a change, whatever its verb', () => {
    const confirm = { confirm: { type: 'boolean', description: 'Must be true for the call to go ahead.' } };
    expect(category('extract_badge_labels', 'Extract the labels attached to a badge.')).toBe('Read');
    expect(category('extract_badge_labels', 'Extract the labels attached to a badge.', confirm)).toBe('Write');
    expect(category('extract_badge_labels', 'Extract the labels attached to a badge.', { confirmDeletion: { type: 'boolean' } })).toBe('Write');
    // A confirmation nested in an options object, or a string, is no switch of the tool's.
    expect(category('extract_badge_labels', 'Extract the labels attached to a badge.', { options: { type: 'object', properties: confirm } })).toBe('Read');
    expect(category('extract_badge_labels', 'Extract the labels attached to a badge.', { confirmationCode: { type: 'string' } })).toBe('Read');
  });
});

describe('reversed verbs', () => {
  it('reads un- and a verb that changes something as a change', () => {
    expect(verbOf('unset', false)).toMatchObject({ base: 'unset', category: 'Write' });
    expect(verbOf('untags', true)).toMatchObject({ base: 'untag', category: 'Write' });
    // Only changes are undone; a prefix on a read, or on no verb, is no verb.
    expect(verbOf('unread', false)).toBeUndefined();
    expect(verbOf('under', false)).toBeUndefined();
    expect(category('contacts_unsetDefaultAddressV2', 'Unset the default postal address of a contact.')).toBe('Write');
  });

  it('reads re- and a verb as the verb done again, with its object rules', () => {
    expect(verbOf('resend', false)).toMatchObject({ base: 'send', category: 'Write' });
    expect(verbOf('rechecks', true)).toMatchObject({ base: 'check', category: 'Read' });
    expect(category('mail_regenerateSigningSecret', 'Regenerate the signing secret of a mailbox.')).toBe('Write');
    // `order` is as often arranging as buying: `reorder` is no purchase.
    expect(verbOf('reorder', false)).toBeUndefined();
  });
});

describe('placing', () => {
  it('commits money when it places an order, a bet or a bid, and only changes things otherwise', () => {
    expect(category('place_order', 'Place a new limit order on the exchange.')).toBe('Financial');
    expect(category('desk_tool', 'Place a market buy order for the given symbol.')).toBe('Financial');
    expect(category('place_marker', 'Place a marker on the map.')).toBe('Write');
    // A place is also a location.
    expect(category('place_details_tool', 'Retrieve details of a place by its identifier.')).toBe('Read');
  });
});

describe('the opening sentence, read more closely', () => {
  it('hears a second action joined by "and" even with a particle before its object', () => {
    expect(category('pick_winner', 'Determine the winner and pay out the prize pool.', { gameId: { type: 'string' } })).toBe('Financial');
    expect(classify('check_node', "Check the node's health and shut down the server if it fails.").signals).toContainEqual(
      expect.objectContaining({ label: 'description-verb:shutdown', category: 'Write' }),
    );
  });

  it('takes a word after an article for a noun', () => {
    const signals = classify('card_deck_tool', 'Shuffles a set of playing cards.').signals.map((signal) => signal.label);
    expect(signals).not.toContain('description-verb:set');
    expect(category('rerank_hits', 'Rerank a set of search hits by their relevance to a question.')).toBe('Read');
  });

  it('counts a riskier second action joined by "and" with its own object', () => {
    expect(category('gallery_photo', 'Download a photo from a gallery and add it to the album.')).toBe('Write');
    expect(category('page_keeper', 'Fetches the page and stores it in the shared cache.')).toBe('Write');
    expect(category('page_keeper', 'Fetches the page.')).toBe('Read');
    // A safer second action adds nothing; a noun after "and" is no action.
    expect(category('make_label', 'Creates a label and returns it.')).toBe('Write');
    expect(category('list_work', 'List issues and pull requests of a project.')).toBe('Read');
  });

  it('counts a riskier alternative in the opening verbs as much as the first', () => {
    expect(category('device_pasteboard', 'Read or replace the text on the pasteboard of a tablet.')).toBe('Write');
    expect(category('repo_tags', 'List, create, or delete tags of a repository.')).toBe('Destructive');
    // Alternatives no riskier than the first change nothing.
    expect(category('repo_tags', 'List or search the tags of a repository.')).toBe('Read');
  });

  it('lets milder alternatives together count less than the riskiest one', () => {
    expect(category('journal_store', 'Notebook memory: write, query, search, recall or export notes.')).toBe('Write');
    expect(category('plugin_shelf', 'Install, list, search and browse plugins from the shelf.')).toBe('Execute');
    // A weak alternative, as often a noun, does not make the tool riskier by itself.
    expect(category('ledger_intake', 'Upload and process the ledger entries.')).toBe('Write');
    // Navigating a tree of components browses it; navigating to a page moves a browser.
    expect(category('code_explorer', 'Search and navigate the components of a codebase.')).toBe('Read');
    expect(category('web_pilot', 'Search and navigate to a page in the browser.')).toBe('Write');
  });

  it('reads the sentence after a title that ends with a colon', () => {
    expect(category('qpa', 'Slow Join Performance Analyzer: Analyze a query plan and point out slow joins.')).toBe('Read');
    expect(category('qpw', 'Cursor Hints Performance Writer: Write the tuned plan back into the hints file.')).toBe('Write');
    // A title is only looked past when it names no verb itself.
    expect(category('qpd', 'Delete plan: removes the stored plan of a query.')).toBe('Destructive');
  });

  it('reads a list of actions whose line breaks were lost as one a line', () => {
    const flat = 'Manage reading lists. - get: Get the lists of a reader. - add_books: Add books to a list. - drop_books: Remove books from a list.';
    expect(category('ReaderShelves', flat)).toBe('Destructive');
    // One " - key:" is an aside, not a list.
    expect(category('ReaderShelves', 'Shelves of a reader - note: shelves are public.')).not.toBe('Destructive');
  });

  it('takes the riskiest of the actions a multi-action tool lists one a line', () => {
    const guide = 'Use {"action": "list"} to pick an action.\nAction guide:\n- list: List the labels of a repository.\n- create: Create a label.\n- note_delete: Manage the notes of a label.\n- get: Get one label.';
    expect(category('repo_label', guide)).toBe('Destructive');
    // Fields of the output and parameters are no actions, even when their keys name one.
    const fields = 'Get usage counts of labels.\n\n**What it returns:**\n- create_count: Number of labels created\n- delete_count: Number of labels deleted\n- list_count: Number of lists';
    expect(category('label_usage', fields)).toBe('Read');
    const parameters = 'Outline a report from the sources.\n\nParameters:\n- topic: Research topic\n- search_first: Set to true to search first\n- ids: List of source ids\n- notes: Record the notes';
    expect(category('report_outline', parameters)).toBe('Read');
    const returned = 'Get reviews of a listing. Returns an array of reviews with:\n- score: Rating (1-5)\n- title: Review title\n- replyDate: Seller reply date\n- replyText: Seller reply content';
    expect(category('listing_reviews', returned)).toBe('Read');
  });

  it('takes the riskiest of the actions listed as clauses after a colon', () => {
    expect(category('repo_branches', 'Manage branches: list all branches, create a new branch, delete a branch, or rename one.')).toBe('Destructive');
    // A list of nouns after a colon names data.
    expect(category('account_overview', 'Shows an account: name, email, plan, and the date it was created.')).toBe('Read');
  });

  it('takes a word as often a noun for the verb when it opens the description before a determiner', () => {
    const labels = (name: string, description: string) => classify(name, description).signals.map((signal) => signal.label);
    expect(labels('workspace_session', 'End the current snapshot session.')).toContain('description-verb:end');
    expect(category('workspace_session', 'End the current snapshot session.')).toBe('Write');
    // Without a determiner after it, the word may name what the tool shows.
    expect(labels('account_orders', 'Order history snapshot of the account.')).toContain('description-verb:snapshot');
    expect(labels('account_orders', 'Order history snapshot of the account.')).not.toContain('description-verb:order');
    expect(category('workspace_session', 'Begin a recording session for the workspace.')).toBe('Write');
  });

  it('takes a name verb before a closing data noun for a modifier when the description opens with a read', () => {
    expect(category('compile_logs', 'Get the console output of a compilation by its number.')).toBe('Read');
    expect(category('replicate_status', 'Check the progress of a replication job.')).toBe('Read');
    expect(category('barter_quote', 'Retrieve a quote for bartering one good for another.')).toBe('Read');
    // Without a description, or with one that states the change, the verb is the action.
    expect(category('compile_logs', '')).toBe('Execute');
    expect(category('replicate_status', 'Updates the status of a replication job.')).toBe('Write');
    // A verb that deletes keeps its weight: reading it as a modifier wrongly hides the tool.
    expect(category('purge_history', 'Get rid of the chat history of a channel.')).toBe('Destructive');
  });

  it('takes a name verb for a thing when the description reads it ("Get the share link")', () => {
    expect(category('ticket_share_link_get', 'Get the share link of a ticket.')).toBe('Read');
    expect(category('region_map', 'Returns a mapping of regions to data centres.')).toBe('Read');
    expect(category('snippet_complete', 'Get completion suggestions for a snippet at the cursor.')).toBe('Read');
    // The object ends where another clause starts, and a verb that only reads by its
    // object ("Execute a write query") does not make the name verb a thing.
    expect(category('draft_publish', 'List the drafts, then publish the chosen one.')).toBe('Write');
    expect(category('ledger_write_query', 'Execute a write query against the ledger.')).not.toBe('Read');
    expect(category('ticket_share', 'Shares a ticket with a teammate.')).toBe('Write');
  });

  it('takes a name verb for a thing when the description uses it with a word of the name as a noun phrase', () => {
    expect(category('push_alert_detail', 'Retrieves the full record of a specific push alert.')).toBe('Read');
    expect(category('game_store_listing', 'Get the listing of a title in the Game Store.')).toBe('Read');
    expect(category('push_alert', 'Pushes an alert to every subscribed device.')).toBe('Write');
  });

  it('reads a namespace word inside a name as part of its closing compound', () => {
    expect(category('gadget_app_store', 'Read structured listings from the gadget app store.')).toBe('Read');
  });
});

describe('verbs read by what they act on', () => {
  it('computes when it adds or multiplies numbers, and changes things otherwise', () => {
    expect(category('add', 'Add two integers and return the sum.', { a: { type: 'number' }, b: { type: 'number' } })).toBe('Read');
    expect(category('tally_multiply', 'Multiplies two numbers.')).toBe('Read');
    // The third person "Adds" is the opening verb, read with its object, not also a phrase that writes.
    expect(category('add', 'Adds two numbers.', { a: { type: 'number' }, b: { type: 'number' } })).toBe('Read');
    expect(category('swap_run', 'Execute a swap transaction for the wallet.')).toBe('Financial');
    expect(category('add', 'Add a member to the crew.')).toBe('Write');
    expect(category('clip_multiply_pitch', 'Multiply pitch of the clip.')).toBe('Write');
  });

  it('moves value when it sends or signs a transaction, and messages people when it sends a chat', () => {
    expect(category('ledger_send_transaction', 'Sends a signed transaction to the network.')).toBe('Financial');
    expect(category('sign_tx', '')).toBe('Financial');
    expect(category('send_chat_message', 'Sends a chat message to a channel.')).toBe('Write');
    expect(category('oracle_invoke_chat', 'Invoke a chat with the oracle model and get its answer.')).toBe('Read');
    expect(category('chat_post_note', 'Posts a note to the chat.')).toBe('Write');
  });

  it('reads "perform" by the action its object names, the riskiest of several', () => {
    expect(category('websurfer', 'Perform a web search for the given terms.')).toBe('Read');
    expect(category('ledger_batch', 'Perform a mix of append, update, and delete operations.')).toBe('Destructive');
    expect(category('grid_math', 'Performs matrix multiplication of two stored grids.')).toBe('Read');
    // A word as often a noun names no action: "drag and drop" moves things, it destroys none.
    expect(category('pointer_tool', 'Perform drag and drop between two elements.')).toBe('Write');
  });

  it('compiles when it builds software, and makes a thing when it builds anything else', () => {
    expect(category('build_app', 'Build the app for the simulator.')).toBe('Execute');
    expect(category('rebuild_cluster', '')).toBe('Execute');
    expect(category('build_footer_menu', 'Build a footer menu with the given links.')).toBe('Write');
  });

  it('makes an index it builds, although "index" is also a verb', () => {
    expect(category('fs_build_index', 'Build a searchable index of files.')).toBe('Write');
  });

  it('hands back what it generates unless what it makes stays behind', () => {
    expect(category('generate', 'Generate text using a hosted model.')).toBe('Read');
    expect(category('generate_signing_key', 'Generates a signing key for the project.')).toBe('Write');
  });

  it('moves value when it claims rewards or an airdrop, and takes a thing over otherwise', () => {
    expect(category('delegator_claim', 'Claims the staking rewards of a delegator.')).toBe('Financial');
    expect(category('fleet_claim', 'Claim devices into a fleet of sensors.')).toBe('Write');
  });

  it('writes when its description says the file is saved to a named folder, in English, Chinese or Japanese', () => {
    expect(category('mail_get_attachment', 'Fetch the attachment of a message. The file is saved to the Downloads folder.', { messageId: { type: 'string' } })).toBe('Write');
    expect(category('mail_get_attachment', '获取邮件附件，并保存到本地文件夹。', { messageId: { type: 'string' } })).toBe('Write');
    expect(category('mail_get_attachment', '添付ファイルを取得します。ファイルはDownloadsフォルダに保存されます。', { messageId: { type: 'string' } })).toBe('Write');
    expect(category('mail_get_attachment', 'Fetch the attachment of a message and return its bytes.', { messageId: { type: 'string' } })).toBe('Read');
  });

  it('writes when its description documents a directory to save into, even with no schema shown', () => {
    const documented = 'Download the attachments of a ticket. Args: ticket: the ticket key. target_dir: Directory to save the attachments.';
    expect(category('ticket_attachments_fetch', documented)).toBe('Write');
    expect(category('ticket_attachments_fetch', 'Download the attachments of a ticket. Args: ticket: the ticket key.')).toBe('Read');
  });

  it('computes when it adds a list of numbers, or adds the operands it takes', () => {
    expect(category('add_nums', 'Add a list of numbers.')).toBe('Read');
    const operands = classify('add', '', { a: { type: 'number' }, b: { type: 'number' } });
    expect(operands.category).toBe('Read');
    expect(operands.rationale).toContain('its parameters are the numbers it works on');
    // Adding a named thing stores it.
    expect(category('add', '', { title: { type: 'string' }, list: { type: 'string' } })).toBe('Write');
  });

  it('computes when it converts or enciphers a value, and changes things when it enciphers a store', () => {
    expect(category('celsius_from_f', 'Convert a temperature from Fahrenheit to Celsius.')).toBe('Read');
    expect(category('aes_tool', 'Encrypt a message with the shared key.')).toBe('Read');
    expect(category('vault_seal', 'Encrypt the vault with a new passphrase.')).toBe('Write');
  });

  it('changes a record when it converts a ticket or a column, and hands back a document it converts', () => {
    expect(category('tracker_convert_ticket', 'Convert a ticket into a subtask of another ticket.', { ticketId: { type: 'string' } })).toBe('Write');
    expect(category('convert_draft', 'Convert a draft to an issue on the board.')).toBe('Write');
    expect(category('sheet_column_convert', 'Convert a column to a different encoding.')).toBe('Write');
    expect(category('convert_document', 'Convert a document to PDF and return it.', { content: { type: 'string' } })).toBe('Read');
  });

  it('starts what it requests, and leads to the riskier action a request names', () => {
    expect(category('request_account_deletion', '', { email: { type: 'string' } })).toBe('Destructive');
    expect(category('ledger_export', 'Request an export of the ledger as a CSV.')).toBe('Write');
    expect(category('request_login_code', 'Request a one-time login code by text message.', { phone: { type: 'string' } })).toBe('Write');
    expect(category('request_refund', '', { orderId: { type: 'string' } })).toBe('Financial');
  });

  it('asks a model what it sends to one, and messages a room it sends to', () => {
    expect(category('local_chat', 'Send a message to the desk\'s local AI and get a response.', { message: { type: 'string' } })).toBe('Read');
    expect(category('local_chat', 'Send a message to a chat room in the AI hobby network.', { message: { type: 'string' } })).toBe('Write');
  });

  it('provisions a resource when it launches an instance or a database, and runs an app it launches', () => {
    expect(category('launch_replica_db', 'Launch a new read replica database in the chosen region.', { region: { type: 'string' } })).toBe('Write');
    expect(category('launch_instance', '', { image: { type: 'string' } })).toBe('Write');
    expect(category('launch_app', 'Launch an app on the connected tablet.', { bundle: { type: 'string' } })).toBe('Execute');
    // A script, a dev server or a job launched runs, wherever it runs.
    expect(category('launch_node_script', 'Launch a Node.js script with the given arguments.', { path: { type: 'string' } })).toBe('Execute');
    expect(category('launch_dev_server', '', { port: { type: 'number' } })).toBe('Execute');
    expect(category('launch_job_on_cluster', '', { job: { type: 'string' } })).toBe('Execute');
  });

  it('edits a picture or a recording whose background or noise it removes, and deletes a background task it removes', () => {
    expect(category('remove_background', 'Remove the background from a product photo.', { photo_url: { type: 'string' } })).toBe('Write');
    expect(category('erase_noise', '', { clip: { type: 'string' } })).toBe('Write');
    expect(category('remove_background_task', 'Remove a background task from the worker queue.', { id: { type: 'string' } })).toBe('Destructive');
    expect(category('remove_member', 'Remove a member from the team.', { id: { type: 'string' } })).toBe('Destructive');
  });

  it('asks a model when it creates a completion, and keeps a record it creates', () => {
    expect(category('create_chat_completion', 'Create a chat completion with the lighthouse model API.', { messages: { type: 'array' } })).toBe('Read');
    expect(category('create_completion', '', { prompt: { type: 'string' } })).toBe('Read');
    expect(category('create_text_completion', '', { prompt: { type: 'string' } })).toBe('Read');
    // A completion of a course or a task is a record kept.
    expect(category('create_course_completion', 'Create a course completion record for a learner.', { learnerId: { type: 'string' } })).toBe('Write');
    expect(classify('create_course', 'Create a course with its completion criteria.', { title: { type: 'string' } }).signals.map((signal) => signal.label)).not.toContain('description-verb:create-completion');
  });

  it('fills a store when it loads a file into a table, and reads when it loads one into memory', () => {
    expect(category('load_export', 'Load a nightly export into the reporting database.', { path: { type: 'string' } })).toBe('Write');
    expect(category('load_export', 'Load a nightly export into memory for analysis.', { path: { type: 'string' } })).toBe('Read');
    expect(category('load_rows', 'Load rows from the orders table.')).toBe('Read');
  });

  it('moves value when it mints coins, and hands back a link it mints', () => {
    expect(category('coin_mint', 'Mint new tokens of a coin to a holder.')).toBe('Financial');
    const link = classify('dashboard_url', 'Mint a signed link to a dashboard.');
    expect(link.category).toBe('Read');
    expect(link.signals).toContainEqual(expect.objectContaining({ label: 'description-verb:mint-link', category: 'Read' }));
  });

  it('moves funds when it adds liquidity to a pool or takes it out, but not when liquidity only qualifies a thing', () => {
    expect(category('pool_add_liquidity', 'Add liquidity to a trading pool.', { tokenAmount: { type: 'number' } })).toBe('Financial');
    expect(category('remove_liquidity', 'Remove liquidity from a pool.')).toBe('Financial');
    expect(category('add_member', 'Add a member to a pool.')).toBe('Write');
    expect(category('add_liquidity_alert', 'Add an alert that fires when a pool runs dry.', { poolId: { type: 'string' } })).toBe('Write');
    expect(category('get_pool_stats', 'Provides liquidity data and volume for a pool.')).toBe('Read');
  });

  it('keeps a copy when it snapshots a volume or a source tree, and reads a page it snapshots', () => {
    expect(category('snapshot_volume', 'Snapshot a block storage volume.', { volumeId: { type: 'string' } })).toBe('Write');
    expect(category('snapshot_vm', 'Snapshot a virtual machine.', { vmId: { type: 'string' } })).toBe('Write');
    expect(category('tree_snapshot', 'Snapshot the current source tree into a folder.')).toBe('Write');
    const page = classify('snapshot_page', 'Snapshot the accessibility tree of the current page.');
    expect(page.category).toBe('Read');
    expect(page.signals.filter((signal) => signal.category === 'Write')).toEqual([]);
    // A store word that only qualifies what is read keeps nothing.
    expect(category('snapshot_volume_stats', 'Snapshot the volume metrics of the last hour.')).toBe('Read');
  });

  it('reads a verb written as two words, with its particle, as the one-word verb', () => {
    expect(category('roll_back_release', '')).toBe('Destructive');
    expect(category('cluster', 'Shuts down the cluster.')).toBe('Write');
    expect(category('check_out_cart', '')).toBe('Financial');
    expect(category('top_up_wallet', '', { amount: { type: 'number' } })).toBe('Financial');
    // A particle after a verb that is one already changes nothing.
    expect(category('look_up_user', '')).toBe('Read');
    // Written as two words it is a verb, though the one word (`setup`) is as often a noun.
    expect(category('setup_read_mirror', 'Sets up a new read mirror in a region.')).toBe('Write');
  });

  it('reads code it decompiles or disassembles, and changes a game it advances or a store it synchronizes', () => {
    expect(category('decompile_routine', 'Decompile a routine at an address and return the C code.', { address: { type: 'string' } })).toBe('Read');
    expect(category('disassemble_range', 'Disassemble the bytes of a range.')).toBe('Read');
    expect(category('next_turn', 'Advance the game to the next turn.')).toBe('Write');
    expect(category('synchronize_calendars', '')).toBe('Write');
    expect(category('eligibility', 'Determine which plans a customer can switch to.')).toBe('Read');
  });

  it('reads a timestamp its name names', () => {
    expect(category('current_timestamp', '')).toBe('Read');
  });

  it('takes the action a name leads by running, and changes what it undoes', () => {
    expect(category('execute-delete-records', 'Carry out the deletion once the user has confirmed it.', { ids: { type: 'array' } })).toBe('Destructive');
    expect(category('run_update', '', { id: { type: 'string' } })).toBe('Write');
    expect(category('rollout_undo', '', { deployment: { type: 'string' } })).toBe('Write');
    // Running an update script, or a write statement, still runs it.
    expect(category('run_update_script', '')).toBe('Execute');
    expect(category('execute_write_query', '', { sql: { type: 'string' } })).toBe('Execute');
    // Later in a list the word after is another action.
    expect(category('assessments', 'Create, run, and manage compliance assessments.')).not.toBe('Read');
  });

  it('reads a secret it reveals, and answers an invitation it RSVPs to', () => {
    expect(category('secret_reveal', '')).toBe('Read');
    expect(category('rsvp_event', '', { eventId: { type: 'string' } })).toBe('Write');
  });

  it('reads a listing it names ls, and changes what it adjusts or a user it times out', () => {
    expect(category('vault_ls', '')).toBe('Read');
    expect(category('adjust_stock', '', { delta: { type: 'number' } })).toBe('Write');
    expect(category('timeoutMember', '', { memberId: { type: 'string' }, minutes: { type: 'number' } })).toBe('Write');
    expect(category('get_timeout', '')).toBe('Read');
  });

  it('passes an email or a port on when it forwards one, and fires payloads when it tests for attacks', () => {
    expect(category('mail_forward', 'Forward an email to a colleague.')).toBe('Write');
    expect(category('site_probe', 'Test a page for reflected XSS with a set of payloads.')).toBe('Execute');
    expect(category('db_test', 'Test the connection to the database.')).toBe('Read');
  });

  it('checks what a test asks about, and attacks what it probes for vulnerabilities', () => {
    expect(category('sanity', 'Test if the archive service is reachable.')).toBe('Read');
    expect(category('pattern_probe', 'Test a regular expression against an input string.', { pattern: { type: 'string' } })).toBe('Read');
    expect(category('promo_abuse_test', 'Test for coupon abuse vulnerabilities in the checkout.', { url: { type: 'string' } })).toBe('Execute');
  });

  it('changes state when it enforces a rule, joins a team or recycles nodes', () => {
    expect(category('policy_enforce_mfa', 'Enforce multi-factor sign-in for every user.')).toBe('Write');
    expect(category('team_join', 'Join a team via an invite code.')).toBe('Write');
    expect(category('table_join', 'Join two tables on a key column.')).toBe('Read');
    expect(category('node_pool_recycle', 'Recycle all nodes of a pool.')).toBe('Destructive');
  });

  it('starts a record when it opens a case or a ticket, and trades when it opens or closes a position', () => {
    expect(category('open_case_by_ref', 'Open a previously closed case by its reference.', { ref: { type: 'string' } })).toBe('Write');
    expect(category('open_ticket', '', { subject: { type: 'string' } })).toBe('Write');
    expect(category('open_position', 'Open a new long position on a perpetual market.', { symbol: { type: 'string' }, size: { type: 'number' } })).toBe('Financial');
    expect(category('close_position', 'Close an open position for a ticker.', { ticker: { type: 'string' } })).toBe('Financial');
    expect(category('open_notebook_file', 'Opens a file of the notebook.', { path: { type: 'string' } })).toBe('Read');
  });

  it('changes what a screen shows when it opens a tab, a URL or an app, and reads when it opens a file', () => {
    expect(category('open_tab', 'Open a new tab in the browser.')).toBe('Write');
    expect(category('phone_app', 'Opens the app on the connected phone.')).toBe('Write');
    expect(category('open_file', 'Open a file and return its text.')).toBe('Read');
  });

  it('knows alerts acknowledged, nodes drained, hosts quarantined and invoices voided are changed', () => {
    expect(category('acknowledge_alert', 'Acknowledge an alert.')).toBe('Write');
    expect(category('escalate_incident', 'Escalate an incident to the next level.')).toBe('Write');
    expect(category('k8s_drain_node', 'Drain a node before maintenance.')).toBe('Write');
    expect(category('quarantine_host', 'Quarantine a host on the network.')).toBe('Write');
    expect(category('void_invoice', 'Void an open invoice.')).toBe('Financial');
    expect(category('db_vacuum', '')).toBe('Write');
  });

  it('shuts a user out when it blocks one, and reads a block of a chain', () => {
    expect(category('block_flagged_senders', 'Block senders flagged as spam by the filter.')).toBe('Write');
    expect(category('block_legacy_logins', '')).toBe('Write');
    expect(category('block_header', 'Returns the header of a block of the chain by its height.', { height: { type: 'number' } })).toBe('Read');
  });

  it('moves money when it funds an account or a wallet, and reads a fund\'s data', () => {
    expect(category('fund_wallet', 'Fund a wallet with tokens from the treasury.', { address: { type: 'string' } })).toBe('Financial');
    expect(category('fund_holdings', 'Returns the holdings of a mutual fund.', { fundId: { type: 'string' } })).toBe('Read');
  });

  it('changes a model it transforms, and computes geometry it transforms', () => {
    expect(category('transform_part', 'Transform a part\'s position, rotation or scale in the scene.', { id: { type: 'string' } })).toBe('Write');
    expect(category('reproject', 'Transform geometries between coordinate systems.', { geojson: { type: 'string' } })).toBe('Read');
  });

  it('knows a clip blurred, faded or mirrored is edited, as one cropped or rotated is', () => {
    expect(category('clip_blur', 'Blur a region of the clip.', { clipId: { type: 'string' } })).toBe('Write');
    expect(category('clip_fade', 'Fade the clip out to black.', { clipId: { type: 'string' } })).toBe('Write');
    expect(category('clip_mirror', 'Mirror the clip horizontally.', { clipId: { type: 'string' } })).toBe('Write');
  });

  it('knows a machine shut down can be started again, as one stopped can', () => {
    expect(category('shutdown_vm', 'Power off a virtual machine.', { vmId: { type: 'string' } })).toBe('Write');
    expect(category('terminate_vm', 'Terminate a virtual machine and release its disks.', { vmId: { type: 'string' } })).toBe('Destructive');
  });

  it('knows memory examined is read', () => {
    expect(category('debugger_examine_memory', '')).toBe('Read');
  });

  it('knows members banned, accounts frozen and servers suspended are changed', () => {
    expect(category('guild_ban_member', 'Ban a member from the guild.')).toBe('Write');
    expect(category('card_freeze', 'Freeze a debit card.')).toBe('Write');
    expect(category('suspend_indexes', 'Suspend one or more search indexes.')).toBe('Write');
  });
});

describe('descriptions in Spanish and Portuguese', () => {
  it('reads the third-person verbs they open with', () => {
    expect(category('resenas_producto', 'Obtiene las reseñas de un producto.')).toBe('Read');
    expect(category('mensagem_foto', 'Envia uma foto pela API do chat.')).toBe('Write');
    expect(category('nota_quitar', 'Elimina una nota del cuaderno.')).toBe('Destructive');
    expect(category('mapa_tema', 'Gera um mapa mental sobre um tema.')).toBe('Read');
  });
});

describe('how a description opens', () => {
  it('reads past the instrument a tool uses and the adverb before its verb', () => {
    expect(category('hosted_browser_worker', 'This tool utilizes a hosted model to autonomously execute multi-step browser tasks.')).toBe('Execute');
    expect(category('plan_critic', 'Critically review the plan and list its gaps.')).toBe('Read');
  });

  it('takes a verb followed by when it happens for when the tool is called, not what it does', () => {
    expect(category('catalog_lookup', 'Triggers when the user asks about buying or comparing products.', { query: { type: 'string' } })).toBe('Read');
  });
});

describe('names that join two actions', () => {
  it('take the riskier of two verbs joined by "and" or "or", with or without a description', () => {
    expect(category('get_and_delete_note', '')).toBe('Destructive');
    expect(category('find_and_replace', 'Find and replace text across a notebook.')).toBe('Write');
    expect(category('get_or_create_label', '', { name: { type: 'string' } })).toBe('Write');
    expect(category('lookup_pool_and_start', 'Find an idle worker pool and start it.')).toBe('Write');
    // A milder second action leaves the first in charge, and nouns joined by "and" are no actions.
    expect(category('delete_and_list_notes', '')).toBe('Destructive');
    expect(category('get_terms_and_conditions', 'Returns the terms and conditions.')).toBe('Read');
  });
});

describe('names without a verb', () => {
  it('reads the things an undescribed name only names, and leaves the rest to a description', () => {
    const accounts = classify('ledger_accounts', '');
    expect(accounts.category).toBe('Read');
    expect(accounts.rationale).toContain('its name only names what it returns ("accounts")');
    expect(category('courses', '', { courseId: { type: 'string' } })).toBe('Read');
    // A description that says more, or says nothing useful, is not overruled by the noun.
    expect(category('conversations', 'Conversation management for the customer inbox.')).toBe('Other');
    // A plural that is also a verb's third person names no collection.
    expect(category('db_backups', '')).toBe('Other');
    // Parameters that carry content or an action say the tool may set them, not list them.
    expect(category('k8s_secrets', '', { name: { type: 'string' }, data: { type: 'object' } })).toBe('Other');
    expect(category('firewall_rules', '', { action: { type: 'string' }, port: { type: 'number' } })).toBe('Other');
  });

  it('takes a tool named for managing something to do what its description lists', () => {
    expect(category('vault_state_management', 'Exports, imports, resets, and inspects the vault state.')).toBe('Destructive');
    expect(classify('vault_state_management', '').rationale).toContain('its name says it manages something ("management")');
  });

  it('takes a verb-like word closing a name after only a verb prefix for that verb\'s object', () => {
    const names = ['charge_request', 'charge_wallet', 'charge_history'];
    const server = { id: 'charger', name: 'Charger', toolNames: names };
    expect(category('charge_request', 'Make an HTTP call to a URL; a fee it asks for is settled.', {}, server)).toBe('Financial');
  });

  it('takes a name from one thing to another, with no verb, for a conversion', () => {
    const converted = classify('midi_to_score', '');
    expect(converted.category).toBe('Read');
    expect(converted.rationale).toContain('its name says it converts one thing into another');
    // A verb of its own leads: skipping to the next track changes what plays.
    expect(category('skip_to_next', '')).toBe('Write');
  });

  it('takes a name that weighs two options against each other for a comparison', () => {
    const compared = classify('lease_vs_buy', 'Total cost over five years of a leased car and of a bought one.');
    expect(compared.category).toBe('Read');
    expect(compared.rationale).toContain('its name weighs two options against each other');
    expect(category('sell_shares', 'Sells shares at the market price.')).toBe('Financial');
    // "payout" is a noun after another word, not a payment made.
    expect(category('vest_outlook', 'After-tax payout of a vesting event, with the withholding gap.')).not.toBe('Financial');
  });

  it('takes a name headed by the noun of a doer for that doer\'s work, done to the word before it', () => {
    expect(category('passphrase_generator', '')).toBe('Read');
    expect(category('sitemap_crawler', '')).toBe('Read');
    expect(category('mortgage_calculator', '')).toBe('Read');
    expect(classify('sitemap_crawler', '').rationale).toContain('its name says what it is: "crawler"');
    expect(category('stale_branch_remover', '')).toBe('Destructive');
    // What is built decides, as it does after the verb: an image compiles, a menu is made.
    expect(category('container_image_builder', '')).toBe('Execute');
    expect(category('dinner_menu_builder', '')).toBe('Write');
    // The word just before the noun is what it works on: a file name generated is text.
    expect(category('file_name_generator', '')).toBe('Read');
    expect(category('app_icon_builder', '')).toBe('Write');
    // A description that reads what the doer's work makes ("the schedule") shows the noun
    // only names the data, as it does for a verb leading the name or closing a compound.
    expect(category('nightly_job_scheduler', 'Get the schedule of the nightly jobs.')).toBe('Read');
    expect(category('stackupdate', 'Get the update history of the stack.')).toBe('Read');
    // People who trade, whom a tool serves, and things shaped like doers name no work.
    expect(category('vintage_seller', '')).not.toBe('Financial');
    expect(category('digest_for_account_manager', '')).not.toBe('Write');
    expect(category('office_computer', '')).not.toBe('Read');
  });

  it('reads a name that looks things up by a key', () => {
    expect(category('filings_by_ticker', '')).toBe('Read');
    expect(classify('filings_by_ticker', '').rationale).toContain('its name says it looks things up by a key');
  });

  it('takes trade and bid for nouns after another word, and for verbs in front', () => {
    expect(category('pairs_trade_latest', 'Returns the latest trades of a pair.')).toBe('Read');
    expect(category('trade', 'Buy or sell shares.')).toBe('Financial');
  });

  it('weighs a `code` nobody describes less than code described as code', () => {
    const stock = { code: { type: 'string' }, start_date: { type: 'string' } };
    expect(category('fund_flows', 'Gets the flows of a fund.', stock)).toBe('Read');
    expect(category('sandbox', 'A sandbox.', { code: { type: 'string', description: 'Python source to run' } })).toBe('Execute');
  });
});

describe('confidence', () => {
  it('keeps a tool whose description only repeats its name below 80%', () => {
    expect(classify('resize_window', 'Resize the window').confidence).toBeLessThan(0.8);
    expect(classify('delete_note', 'Delete a note.').confidence).toBeLessThan(0.8);
    const described = classify('delete_note', 'Deletes a note permanently from the notebook; the note cannot be recovered afterwards.');
    expect(described.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('takes a directory\'s placeholder for no description at all', () => {
    const bare = classify('get_tide_tables', '', { port: { type: 'string' } });
    for (const placeholder of ['Description not available', 'No description provided.', 'N/A']) {
      const stood = classify('get_tide_tables', placeholder, { port: { type: 'string' } });
      expect(stood.confidence).toBe(bare.confidence);
      expect(stood.category).toBe('Read');
    }
    expect(classify('tide_tables', 'Description not available').confidence).toBe(classify('tide_tables', '').confidence);
    expect(classify('get_tide_tables', 'Returns the tide tables of a port for the week ahead.').confidence).toBeGreaterThan(bare.confidence);
  });

  it('is stored with the engine version that made it', () => {
    expect(classify('x', '').engine).toBe(ENGINE);
    expect(ENGINE).toBe('rules-10');
  });
});

describe('what the page says a confidence means', () => {
  it('gives the agreement of its band, measured with the engine that made it', () => {
    expect(CONFIDENCE_MEASURED.engine).toBe(ENGINE);
    expect(confidenceMeaning(0.92)).toContain('at 80% or more agreed with the author 98.9% of the time');
    expect(confidenceMeaning(0.6)).toContain('between 50% and 80%');
    expect(confidenceMeaning(0.2)).toContain('below 50%');
  });
});
