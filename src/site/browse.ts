/** Browse pages by risk and by category: their slugs, titles and lede text. */
import { CATEGORIES, RISKS, RISK_OF_CATEGORY, type Category, type Risk } from '../catalogue/schema/classification.ts';

/** Tools per browse page: a page stays well under 100 kB at this size. */
export const BROWSE_PAGE_SIZE = 200;

const RISK_LEDES: Record<Risk, string> = {
  Low: 'Tools that only read or query: they change nothing, though what they read can still leak or carry injected instructions.',
  Medium: 'Tools that change state reversibly, or whose effect cannot be told from their definition.',
  High: 'Tools that run code, commands, builds or workflows: an agent with one of these can do whatever the code can.',
  Critical: 'Tools that delete, overwrite or revoke for good, or that move money: refuse them by default and allow them only under conditions.',
};

const CATEGORY_LEDES: Record<Category, string> = {
  Read: 'Read or query, change nothing.',
  Write: 'Create or change state, reversibly.',
  Execute: 'Run code, commands, workflows, builds or functions.',
  Destructive: 'Delete, overwrite, revoke or terminate, irreversibly.',
  Financial: 'Move money, buy, refund, charge or change billing.',
  Other: 'Nothing in the definition tells what they do.',
};

export interface BrowseFacet<K extends string> {
  key: K;
  slug: string;
  lede: string;
}

export const riskFacets: BrowseFacet<Risk>[] = RISKS.map((key) => ({ key, slug: key.toLowerCase(), lede: RISK_LEDES[key] }));
export const categoryFacets: BrowseFacet<Category>[] = CATEGORIES.map((key) => ({
  key,
  slug: key.toLowerCase(),
  lede: `${CATEGORY_LEDES[key]} Risk: ${RISK_OF_CATEGORY[key]}.`,
}));
