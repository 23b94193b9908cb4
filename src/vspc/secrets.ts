/**
 * Keeps the credentials the client knows (API key, password, issued tokens) so that any text that
 * leaves the client (error messages, VSPC's echoed error texts) can be scrubbed of them.
 */
const CENSOR = '[redacted]';

export class SecretScrubber {
  private readonly secrets = new Set<string>();

  add(secret: string | null | undefined): void {
    // Very short values would censor ordinary words; real credentials are never that short.
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  scrub = (text: string): string => {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(CENSOR);
    return result;
  };
}
