import { z } from 'zod';

/**
 * The one site configuration. Defaults below; every field can be overridden at deploy
 * time by the environment variable named in its comment.
 */
export const siteConfigSchema = z.object({
  /** `SITE_NAME`. Default: "MCP Tool Policy Catalogue". */
  siteName: z.string().min(1).max(100).default('MCP Tool Policy Catalogue'),
  /** `SITE_URL`: the public origin, for canonical links and the sitemap. Default: http://localhost:4321. */
  siteUrl: z.url({ protocol: /^https?$/ }).default('http://localhost:4321'),
  /** `GATEWAY_URL`: the hosted MCP gateway that enforces policies. */
  gatewayUrl: z.url({ protocol: /^https?$/ }).default('https://gateway.example.com'),
  /**
   * `GATEWAY_POLICY_LINK`: the "enforce this policy" link. `{server}` and `{tool}` are
   * replaced by the URL-encoded server id and tool name (`{tool}` is empty on hub pages).
   */
  gatewayPolicyLink: z
    .string()
    .refine((value) => /^https?:\/\//i.test(value), { error: 'must be an http(s) URL' })
    .refine((value) => value.includes('{server}'), { error: 'must contain {server}' })
    .default('https://gateway.example.com/policies/new?server={server}&tool={tool}'),
  /** `CATALOGUE`: path of the catalogue to build, relative to the project. */
  cataloguePath: z.string().min(1).default('content/catalogue/catalogue.ndjson'),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

const ENVIRONMENT: Record<keyof SiteConfig, string> = {
  siteName: 'SITE_NAME',
  siteUrl: 'SITE_URL',
  gatewayUrl: 'GATEWAY_URL',
  gatewayPolicyLink: 'GATEWAY_POLICY_LINK',
  cataloguePath: 'CATALOGUE',
};

/** Reads the configuration from environment variables; throws a readable error. */
export function loadSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const input: Record<string, string> = {};
  for (const [field, variable] of Object.entries(ENVIRONMENT)) {
    const value = env[variable];
    if (value !== undefined && value !== '') input[field] = value;
  }
  const result = siteConfigSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = String(issue.path[0]) as keyof SiteConfig;
      return `${ENVIRONMENT[field] ?? field}: ${issue.message}`;
    });
    throw new Error(`Invalid site configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The gateway link for a server (and tool), with both names URL-encoded. */
export function gatewayLink(config: SiteConfig, serverId: string, toolName = ''): string {
  return config.gatewayPolicyLink
    .replaceAll('{server}', encodeURIComponent(serverId))
    .replaceAll('{tool}', encodeURIComponent(toolName));
}
