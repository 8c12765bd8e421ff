/**
 * Collects signals and the score each category earns from them. Signals with the same
 * label merge (the first quote is kept); groups of weak signals are capped, so twenty
 * mentions of "delete" in a long description count no more than a few would.
 */
import type { Signal, SignalSource } from '../schema/classification.ts';
import type { ActionCategory } from './vocabulary.ts';

export type Scores = Record<ActionCategory, number>;

export interface Cap {
  /** Signals of one group share the cap, per category. */
  group: string;
  max: number;
}

export class Evidence {
  readonly signals: Signal[] = [];
  readonly scores: Scores = { Read: 0, Write: 0, Execute: 0, Destructive: 0, Financial: 0 };
  /** Score per source and category, to tell whether several parts of a definition agree. */
  readonly bySource = new Map<SignalSource, Scores>();
  private readonly groupTotals = new Map<string, number>();

  add(
    source: SignalSource,
    category: ActionCategory,
    label: string,
    weight: number,
    quote?: string,
    cap?: Cap,
  ): void {
    let counted = weight;
    if (cap) {
      const key = `${cap.group}:${category}`;
      const total = this.groupTotals.get(key) ?? 0;
      counted = Math.max(0, Math.min(weight, cap.max - total));
      this.groupTotals.set(key, total + counted);
    }
    const existing = this.signals.find((signal) => signal.label === label && signal.category === category);
    if (existing) {
      existing.weight = round(existing.weight + counted);
    } else {
      const signal: Signal = { source, category, label, weight: round(counted) };
      if (quote !== undefined && quote !== '') signal.quote = quote;
      this.signals.push(signal);
    }
    this.scores[category] += counted;
    let sourceScores = this.bySource.get(source);
    if (!sourceScores) {
      sourceScores = { Read: 0, Write: 0, Execute: 0, Destructive: 0, Financial: 0 };
      this.bySource.set(source, sourceScores);
    }
    sourceScores[category] += counted;
  }

  /**
   * Scales a signal already counted, when later evidence shows what it meant (a name verb
   * the description reveals to be a modifier).
   */
  scale(label: string, category: ActionCategory, factor: number): void {
    const signal = this.signals.find((candidate) => candidate.label === label && candidate.category === category);
    if (!signal) return;
    const removed = signal.weight * (1 - factor);
    signal.weight = round(signal.weight - removed);
    this.scores[category] -= removed;
    const sourceScores = this.bySource.get(signal.source);
    if (sourceScores) sourceScores[category] -= removed;
  }

  has(label: string): boolean {
    return this.signals.some((signal) => signal.label === label);
  }
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
