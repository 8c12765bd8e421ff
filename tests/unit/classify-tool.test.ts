import { describe, expect, it } from 'vitest';
import { classifyTool, ENGINE, type ClassifiableTool } from '../../src/catalogue/classify/classify-tool.ts';
import { classificationSchema, RISK_OF_CATEGORY, type Classification } from '../../src/catalogue/schema/classification.ts';

const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });
const str = (description?: string) => ({ type: 'string', ...(description ? { description } : {}) });

/** Classifies and checks the result against the catalogue schema every time. */
function classify(tool: ClassifiableTool, server?: { id: string; name: string }): Classification {
  const result = classifyTool(tool, server);
  expect(classificationSchema.parse(result)).toEqual(result);
  expect(result.risk).toBe(RISK_OF_CATEGORY[result.category]);
  return result;
}

const labels = (result: Classification) => result.signals.map((signal) => signal.label);

describe('categories, from real-looking definitions', () => {
  it('sam_local_invoke runs a function: Execute', () => {
    const result = classify({
      name: 'sam_local_invoke',
      description: 'Locally invokes a Lambda function using the AWS SAM CLI and returns its output.',
      inputSchema: object({ resource_name: str('Logical ID of the function'), event_file: str() }, ['resource_name']),
    });
    expect(result.category).toBe('Execute');
    expect(result.risk).toBe('High');
    // The name's verb is found past its prefix and modifier; the description states it too.
    expect(labels(result).slice(0, 2).sort()).toEqual(['description-verb:invoke', 'leading-verb:invoke']);
  });

  it('delete_branch deletes: Destructive', () => {
    const result = classify({
      name: 'delete_branch',
      description: 'Delete a branch from a GitHub repository.',
      inputSchema: object({ owner: str(), repo: str(), branch: str() }),
    });
    expect(result.category).toBe('Destructive');
    expect(result.risk).toBe('Critical');
  });

  it('create_refund moves money: Financial, although its verb is "create"', () => {
    const result = classify({
      name: 'create_refund',
      description: 'Refunds a charge that was previously created, in full or in part.',
      inputSchema: object({ charge: str('The charge to refund'), amount: { type: 'integer', description: 'Amount in cents' } }),
    });
    expect(result.category).toBe('Financial');
    expect(labels(result)).toContain('name-noun:refund');
  });

  it('read_file reads: Read', () => {
    const result = classify({
      name: 'read_file',
      description: 'Read the complete contents of a file from the file system.',
      inputSchema: object({ path: str('Path of the file') }, ['path']),
    });
    expect(result.category).toBe('Read');
    expect(result.risk).toBe('Low');
    expect(labels(result)).toContain('param:path');
  });

  it('write_file writes: Write, even though its description says it overwrites', () => {
    const result = classify({
      name: 'write_file',
      description: 'Create a new file or completely overwrite an existing file with new content.',
      inputSchema: object({ path: str(), content: str() }, ['path', 'content']),
    });
    expect(result.category).toBe('Write');
    expect(result.rationale).toContain('"path"');
  });

  it('a vague tool with no known verb: Other, with low confidence', () => {
    const result = classify({ name: 'widget_thing', description: 'Does the widget thing for the gizmo.' });
    expect(result.category).toBe('Other');
    expect(result.risk).toBe('Medium');
    expect(result.confidence).toBeLessThanOrEqual(0.3);
    expect(result.signals).toEqual([]);
  });

  it('a shell command parameter makes a tool Execute and the rationale names it', () => {
    const result = classify({
      name: 'start_process',
      description: 'Start a new terminal process with the given shell command.',
      inputSchema: object({ command: str('The command to run'), timeout_ms: { type: 'number' } }, ['command']),
    });
    expect(result.category).toBe('Execute');
    expect(labels(result)).toContain('param:command');
    expect(result.rationale).toContain('"command"');
  });

  it('transfer with an amount and a recipient is Financial; a file transfer is not', () => {
    const money = classify({
      name: 'transfer',
      description: 'Transfer funds to another account.',
      inputSchema: object({ amount: { type: 'number' }, recipient: str() }),
    });
    expect(money.category).toBe('Financial');
    const files = classify({
      name: 'transfer_file',
      description: 'Transfer a file to another folder.',
      inputSchema: object({ source_path: str(), target_path: str() }),
    });
    expect(files.category).toBe('Write');
  });

  it('a search query parameter reads, a SQL parameter that allows writes executes', () => {
    const search = classify({
      name: 'search_issues',
      description: 'Search issues across repositories.',
      inputSchema: object({ query: str('Search text') }),
    });
    expect(search.category).toBe('Read');
    const sql = classify({
      name: 'run_sql',
      description: 'Run a statement against the database.',
      inputSchema: object({ sql: str('SQL to run: SELECT, INSERT, UPDATE or DELETE') }),
    });
    expect(sql.category).toBe('Execute');
    expect(labels(sql)).toContain('param:sql');
    const readOnlySql = classify({
      name: 'query_database',
      description: 'Execute read-only SQL queries against PostgreSQL.',
      inputSchema: object({ sql: str('A SELECT statement') }),
    });
    expect(readOnlySql.category).toBe('Read');
  });

  it('an optional file to save a read into makes it a write: a file where the caller says modifies the environment', () => {
    const result = classify({
      name: 'get_build_log',
      description: 'Returns the log of a build.',
      inputSchema: object({
        buildId: str('The build to read.'),
        filename: str('File name to save the log to. Relative names are resolved against the project root. If omitted, the log is returned as text.'),
      }),
    });
    expect(result.category).toBe('Write');
    expect(labels(result)).toContain('param:filename');
  });

  it('an output path on a read makes it a write', () => {
    const result = classify({
      name: 'take_screenshot',
      description: 'Take a screenshot of the page.',
      inputSchema: object({ filePath: str('The absolute path to save the screenshot to.') }),
    });
    expect(result.category).toBe('Write');
    expect(labels(result)).toContain('param:filePath');
  });

  it('an action enum counts its riskiest action', () => {
    const result = classify({
      name: 'manage_tabs',
      description: 'Manage browser tabs.',
      inputSchema: object({ action: { type: 'string', enum: ['list', 'select', 'delete'] } }),
    });
    expect(labels(result)).toContain('param:action=delete');
    expect(result.category).toBe('Destructive');
  });

  it('descriptions say it when names do not', () => {
    expect(classify({ name: 'tool1', description: 'Permanently deletes the selected project. This cannot be undone.' }).category).toBe('Destructive');
    expect(classify({ name: 'tool2', description: 'Executes arbitrary Python code in a sandbox.' }).category).toBe('Execute');
    expect(classify({ name: 'tool3', description: 'Lists the open pull requests.' }).category).toBe('Read');
    expect(classify({ name: 'tool4', description: 'Charges the customer card for the given order.' }).category).toBe('Financial');
  });

  it('"does not delete" is not a delete', () => {
    const result = classify({ name: 'archive_note', description: 'Archives a note. It does not delete the note.' });
    expect(result.category).toBe('Write');
    expect(labels(result)).not.toContain('phrase:delete');
  });
});

describe('more of the rules', () => {
  it('cancelling a subscription is about money; deleting an invoice is a deletion', () => {
    expect(classify({ name: 'cancel_subscription', description: 'Cancels a subscription.' }).category).toBe('Financial');
    expect(classify({ name: 'delete_invoice', description: 'Deletes a draft invoice.' }).category).toBe('Destructive');
    expect(classify({ name: 'list_invoices', description: 'Lists invoices.' }).category).toBe('Read');
  });

  it('send moves money only when money is what it sends', () => {
    expect(classify({ name: 'send_email', description: 'Sends an email.', inputSchema: object({ to: str(), body: str() }) }).category).toBe('Write');
    expect(classify({ name: 'send_tokens', description: 'Send SOL or USDC from the wallet.' }).category).toBe('Financial');
    expect(classify({ name: 'git_checkout', description: 'Switches branches.' }).category).toBe('Write');
  });

  it('a description that lists its actions counts the riskiest', () => {
    const result = classify({ name: 'packages', description: 'Manage packages. List, install, update, or delete packages.' });
    expect(labels(result)).toContain('description-list:delete');
    expect(result.category).toBe('Destructive');
  });

  it('a paid call is Financial', () => {
    expect(classify({ name: 'blessing', description: 'Receive a blessing. Costs $0.01 USDC per call.' }).category).toBe('Financial');
  });

  it('reads descriptions in Chinese by their verbs', () => {
    expect(classify({ name: 'tool_a', description: '通过卡牌ID获取单张卡牌的详细信息' }).category).toBe('Read');
    expect(classify({ name: 'tool_b', description: '删除指定的文件' }).category).toBe('Destructive');
    expect(classify({ name: 'read_query', description: '执行只读SQL查询并返回结果', inputSchema: object({ query: str('SELECT ...') }) }).category).toBe('Read');
  });

  it('a parameter alone does not overturn a read, but turns a change into a run', () => {
    const lookup = classify({
      name: 'get_annotation',
      description: 'Look up the annotation for a code pattern.',
      inputSchema: object({ code_snippet: str('The snippet to look up') }),
    });
    expect(lookup.category).toBe('Read');
    const debug = classify({
      name: 'start_debug_session',
      description: 'Start a debug session.',
      inputSchema: object({ command: str('Command line to launch') }),
    });
    expect(debug.category).toBe('Execute');
  });

  it('a rationale says when the author\'s hints raised the category', () => {
    const result = classify({ name: 'search_pages', description: 'Search pages by title.', annotations: { destructiveHint: true } });
    expect(result.category).toBe('Write');
    expect(result.rationale).toMatch(/author declares/);
    expect(result.confidence).toBeGreaterThan(0.3);
    expect(result.confidence).toBeLessThan(classify({ name: 'search_pages', description: 'Search pages by title.' }).confidence);
  });
});

describe('the leading verb', () => {
  it.each([
    ['delete_branch', 'Destructive'],
    ['deleteBranch', 'Destructive'],
    ['DeleteBranch', 'Destructive'],
    ['delete-branch', 'Destructive'],
    ['branch.delete', 'Destructive'],
    ['aws_s3_delete_object', 'Destructive'],
    ['mcp_list_buckets', 'Read'],
    ['github_create_issue', 'Write'],
    ['API-get-user', 'Read'],
    ['API-post-search', 'Write'],
    ['run_tests', 'Execute'],
    ['run_query', 'Read'],
    ['drop_table', 'Destructive'],
    ['browser_drop', 'Write'],
    ['create_build', 'Execute'],
    ['tfdestroy', 'Destructive'],
    // A second action joined by "or" may be the one taken: the riskier counts.
    ['get_or_delete_cache', 'Destructive'],
  ])('%s leads to %s', (name, category) => {
    expect(classify({ name }).category).toBe(category);
  });

  it('weighs the leading verb most', () => {
    const result = classify({ name: 'list_deleted_files', description: 'Lists files that were deleted in the last week.' });
    expect(result.category).toBe('Read');
    expect(result.signals[0]!.label).toBe('leading-verb:list');
    expect(result.signals[0]!.source).toBe('name');
  });

  it("skips the server's own name as a prefix", () => {
    const alone = classify({ name: 'search_delete_index' });
    const prefixed = classify({ name: 'search_delete_index' }, { id: 'search', name: 'Search' });
    expect(alone.signals[0]!.label).toBe('leading-verb:search');
    expect(prefixed.signals[0]!.label).toBe('leading-verb:delete');
    expect(prefixed.category).toBe('Destructive');
  });

  it('uses the title when the name says nothing', () => {
    const result = classify({ name: 'tool_17', title: 'Delete repository' });
    expect(result.category).toBe('Destructive');
    expect(labels(result)).toContain('title-verb:delete');
  });
});

describe('names that encode an HTTP method', () => {
  it('a POST stays a change even when its path says "query": the method sets a floor', () => {
    const result = classify({
      name: 'API-post-query-invoices',
      description: 'Billing | Query invoices by customer and date range',
      inputSchema: object({ filter: { type: 'object' }, page_size: { type: 'integer' } }),
    });
    expect(result.category).toBe('Write');
    expect(labels(result)[0]).toBe('http-method:post');
    expect(result.rationale).toMatch(/HTTP POST/);
  });

  it.each([
    // An HTTP word just before the method.
    ['rest_post_lookup', 'Look up a contact by e-mail address.', 'Write'],
    ['http_put_preview', 'Preview how the rendered page will look.', 'Write'],
    // The method in capitals, as HTTP writes it.
    ['POST_documents_find', 'Find documents matching a filter.', 'Write'],
    ['api_v3_PATCH_report', 'Show the quarterly report.', 'Write'],
    // DELETE destroys: ending a session is not a read, whatever the path says.
    ['rest_DELETE_session', 'Show the current session.', 'Destructive'],
  ])('%s is %s', (name, description, category) => {
    expect(classify({ name, description }).category).toBe(category);
  });

  it('GET reads, and "post" as a plain verb or a noun is no method', () => {
    expect(classify({ name: 'API-get-search', description: 'Search pages by title' }).category).toBe('Read');
    const message = classify({ name: 'post_message', description: 'Posts a message to a channel.' });
    expect(message.category).toBe('Write');
    // A message posted is delivered: the verb is read with its object.
    expect(labels(message)).toContain('leading-verb:post-message');
    expect(labels(message)).not.toContain('http-method:post');
    expect(classify({ name: 'get_post', description: 'Get a blog post by its slug.' }).category).toBe('Read');
    expect(classify({ name: 'search_posts', description: 'Search forum posts.' }).category).toBe('Read');
  });
});

describe('annotations', () => {
  const deleteTool = { name: 'delete_file', description: 'Deletes a file from disk.', inputSchema: object({ path: str() }) };

  it('never lower the risk: a delete that claims to be read-only stays Destructive, with a contradiction', () => {
    const result = classify({ ...deleteTool, annotations: { readOnlyHint: true } });
    expect(result.category).toBe('Destructive');
    expect(result.contradictions).toHaveLength(1);
    expect(result.contradictions[0]).toMatchObject({ annotation: 'readOnlyHint', claimed: true });
    expect(result.contradictions[0]!.explanation).toMatch(/read-only/);
  });

  it('may raise it: an explicit destructiveHint on a read-looking tool makes it a change, with a contradiction', () => {
    const bare = classify({ name: 'get_report', description: 'Gets the monthly report.' });
    const claimed = classify({ name: 'get_report', description: 'Gets the monthly report.', annotations: { destructiveHint: true } });
    expect(bare.category).toBe('Read');
    expect(claimed.category).not.toBe('Read');
    expect(claimed.contradictions).toEqual([expect.objectContaining({ annotation: 'destructiveHint', claimed: true })]);
  });

  it('an explicit destructiveHint turns a change that may overwrite into Destructive', () => {
    const tool = { name: 'write_file', description: 'Create a file or overwrite an existing one.', inputSchema: object({ path: str() }) };
    expect(classify(tool).category).toBe('Write');
    expect(classify({ ...tool, annotations: { readOnlyHint: false, destructiveHint: true } }).category).toBe('Destructive');
  });

  it('readOnlyHint: false raises a read to a write', () => {
    const tool = { name: 'get_page', description: 'Gets a page.' };
    expect(classify({ ...tool, annotations: { readOnlyHint: false } }).category).toBe('Write');
  });

  it('readOnlyHint: true supports a read and lowers nothing', () => {
    const tool = { name: 'list_pages', description: 'Lists the pages.' };
    const plain = classify(tool);
    const hinted = classify({ ...tool, annotations: { readOnlyHint: true } });
    expect(hinted.category).toBe('Read');
    expect(hinted.contradictions).toEqual([]);
    expect(labels(hinted)).toContain('annotation:readOnlyHint');
    const execute = { name: 'run_script', description: 'Runs a shell script.', inputSchema: object({ script: str() }) };
    expect(classify({ ...execute, annotations: { readOnlyHint: true } }).category).toBe(classify(execute).category);
    expect(classify({ name: 'frobnicate', annotations: { readOnlyHint: true } }).category).toBe('Other');
    expect(plain.category).toBe('Read');
  });

  it('defaults are no evidence: an empty annotations object or none changes nothing', () => {
    const tool = { name: 'list_pages', description: 'Lists the pages.' };
    const none = classify(tool);
    const empty = classify({ ...tool, annotations: {} });
    const nulls = classify({ ...tool, annotations: { readOnlyHint: null, destructiveHint: null } });
    expect(empty).toEqual(none);
    expect(nulls).toEqual(none);
    expect(none.contradictions).toEqual([]);
  });

  it('the four hints all at the spec\'s defaults, as an SDK fills them in, are no claim either', () => {
    const seeded = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };
    const tool = { name: 'get_report', description: 'Gets the monthly report.' };
    const result = classify({ ...tool, annotations: { title: 'Monthly report', ...seeded } });
    expect(result).toEqual(classify(tool));
    // One hint stated otherwise, or one left out, makes it a claim again.
    expect(classify({ ...tool, annotations: { ...seeded, idempotentHint: true } }).category).not.toBe('Read');
    expect(classify({ ...tool, annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true } }).category).not.toBe('Read');
  });

  it('an additive claim on a deleting tool is a contradiction', () => {
    const result = classify({ ...deleteTool, annotations: { destructiveHint: false } });
    expect(result.category).toBe('Destructive');
    expect(result.contradictions).toEqual([expect.objectContaining({ annotation: 'destructiveHint', claimed: false })]);
  });
});

describe('confidence', () => {
  it('is lower without a description, and lower still for a very short one than for a clear one', () => {
    const base = { name: 'delete_branch', inputSchema: object({ branch: str() }) };
    const none = classify(base).confidence;
    const empty = classify({ ...base, description: '   ' }).confidence;
    const short = classify({ ...base, description: 'Deletes.' }).confidence;
    const full = classify({ ...base, description: 'Deletes a branch from the repository. This cannot be undone.' }).confidence;
    expect(none).toBeLessThan(short);
    expect(empty).toBe(none);
    expect(short).toBeLessThan(full);
  });

  it('is lower when the signals disagree', () => {
    const agree = classify({ name: 'get_user', description: 'Gets a user by id.' }).confidence;
    const disagree = classify({ name: 'get_user', description: 'Deletes the user after reading it, permanently.' }).confidence;
    expect(disagree).toBeLessThan(agree);
  });

  it('is lower with a contradiction', () => {
    const tool = { name: 'delete_file', description: 'Deletes a file.' };
    expect(classify({ ...tool, annotations: { readOnlyHint: true } }).confidence).toBeLessThan(classify(tool).confidence);
  });
});

describe('signals and rationale', () => {
  it('lists signals strongest first, with short verbatim quotes', () => {
    const description = `Deletes the repository permanently. ${'Lots of further explanation follows here. '.repeat(20)}`;
    const result = classify({ name: 'delete_repository', description });
    const weights = result.signals.map((signal) => signal.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const signal of result.signals) {
      if (signal.quote === undefined) continue;
      expect(signal.quote.length).toBeLessThanOrEqual(120);
      expect(signal.source === 'name' ? 'delete_repository' : description.replace(/\s+/g, ' ')).toContain(signal.quote);
    }
    expect(result.signals.find((signal) => signal.label === 'phrase:permanently')?.quote).toBe('Deletes the repository permanently.');
  });

  it('writes a rationale in its own words, never the description', () => {
    const description = 'Removes the widget ZX-81 from the Qwerty board and notifies Bob.';
    const result = classify({ name: 'remove_widget', description });
    expect(result.rationale).toContain('remove_widget');
    expect(result.rationale).not.toContain('ZX-81');
    expect(result.rationale).not.toContain('Qwerty');
    expect(result.rationale.split('. ').length).toBeLessThanOrEqual(3);
    expect(result.engine).toBe(ENGINE);
  });

  it('is deterministic', () => {
    const tool = {
      name: 'execute_sql',
      description: 'Execute any SQL statement, including INSERT, UPDATE and DELETE.',
      inputSchema: object({ sql: str(), database: str() }),
      annotations: { readOnlyHint: true },
    };
    const first = classifyTool(tool);
    for (let i = 0; i < 5; i += 1) expect(classifyTool(structuredClone(tool))).toEqual(first);
    expect(JSON.stringify(classifyTool(tool))).toBe(JSON.stringify(first));
  });
});
