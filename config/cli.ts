import { ConfigError, readEnvFile } from './index';
import { cliEnvSchema } from './schema';

export interface CliConfig {
  apiUrl: string;
  apiKey?: string;
}

/** The operator commands' settings: the API's base URL and key (IBY_API_URL, IBY_API_KEY; `.env` is read too). */
export function loadCliConfig(env: NodeJS.ProcessEnv = { ...readEnvFile(), ...process.env }): CliConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v?.trim()));
  const parsed = cliEnvSchema.safeParse(set);
  if (!parsed.success)
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return { apiUrl: parsed.data.IBY_API_URL.replace(/\/$/, ''), apiKey: parsed.data.IBY_API_KEY };
}
