/** Configuration for a CLI command: a ConfigError is printed as the message it is, with exit status 2. */
import { type AppConfig, ConfigError, type ConfigNeeds, loadConfig } from '../config.js';

export function loadCliConfig(needs: ConfigNeeds): AppConfig | null {
  try {
    return loadConfig(process.env, needs);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return null;
    }
    throw error;
  }
}
