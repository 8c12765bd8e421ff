/**
 * Progress of a pull: a bar on a terminal, plain periodic lines in logs (CI, pipes), where
 * a redrawn bar would fill the log with carriage returns.
 */
import cliProgress from 'cli-progress';

export interface ProgressCounts {
  bytes: number;
  servers: number;
  tools: number;
}

export interface PullProgress {
  /** Called once the download starts; `totalBytes` when the size is known. */
  start(totalBytes: number | undefined): void;
  update(counts: ProgressCounts): void;
  /** Removes the bar (or stops the lines); the caller prints the summary. */
  stop(): void;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A bar when `stream` is a terminal, periodic lines otherwise (every `intervalMs`). */
export function createProgress(
  stream: NodeJS.WriteStream,
  options: { label: string; intervalMs?: number; quiet?: boolean },
): PullProgress {
  if (options.quiet) return { start() {}, update() {}, stop() {} };
  return stream.isTTY ? barProgress(stream) : lineProgress(stream, options.label, options.intervalMs ?? 5000);
}

function barProgress(stream: NodeJS.WriteStream): PullProgress {
  let bar: cliProgress.SingleBar | undefined;
  let known = false;
  let total = 0;
  let started = 0;
  let last: ProgressCounts = { bytes: 0, servers: 0, tools: 0 };
  // cli-progress's own ETA prints "NF"/"LL" for rates it cannot compute yet.
  const eta = (bytes: number): string => {
    const elapsed = (Date.now() - started) / 1000;
    if (!known || bytes <= 0 || elapsed < 1) return '…';
    const seconds = Math.max(0, Math.round((elapsed * (total - bytes)) / bytes));
    return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
  };
  const payload = (counts: ProgressCounts) => ({
    received: formatBytes(counts.bytes),
    servers: formatCount(counts.servers),
    tools: formatCount(counts.tools),
    left: eta(counts.bytes),
  });
  return {
    start(totalBytes) {
      known = totalBytes !== undefined && totalBytes > 0;
      total = totalBytes ?? 0;
      started = Date.now();
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: known
            ? `pull [{bar}] {percentage}% | {received} of {size} | {servers} servers, {tools} tools | {left} left`
            : `pull {received} | {servers} servers, {tools} tools | {duration_formatted}`,
          hideCursor: true,
          clearOnComplete: true,
          fps: 8,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(known ? totalBytes! : 1, 0, { ...payload(last), size: known ? formatBytes(totalBytes!) : '' });
    },
    update(counts) {
      last = counts;
      bar?.update(known ? counts.bytes : 0, payload(counts));
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function lineProgress(stream: NodeJS.WriteStream, label: string, intervalMs: number): PullProgress {
  let timer: NodeJS.Timeout | undefined;
  let total: number | undefined;
  let last: ProgressCounts = { bytes: 0, servers: 0, tools: 0 };
  let printed = '';
  const print = (): void => {
    const size = total ? ` of ${formatBytes(total)} (${Math.floor((last.bytes / total) * 100)}%)` : '';
    const line = `pull: ${formatBytes(last.bytes)}${size}, ${formatCount(last.servers)} servers, ${formatCount(last.tools)} tools so far`;
    // A stalled download prints nothing new rather than the same line over and over.
    if (line !== printed) stream.write(`${line}\n`);
    printed = line;
  };
  return {
    start(totalBytes) {
      total = totalBytes;
      stream.write(`pull: reading ${label}${totalBytes ? ` (${formatBytes(totalBytes)})` : ''}\n`);
      timer = setInterval(print, intervalMs);
      timer.unref();
    },
    update(counts) {
      last = counts;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
