/**
 * What the attempts of one request may have sent, so that a failure can say "nothing was sent" only
 * when that is proven for every attempt: a write retried under the same request id after a reset and
 * then refused may still have reached VSPC on its first attempt.
 */
import { VspcNetworkError } from './errors.js';

export class SendRecord {
  private maybeSent = false;

  constructor(private readonly exchange: { endpoint: string; requestId: string | null }) {}

  /** VSPC answered an attempt: it received the request. */
  answered(): void {
    this.maybeSent = true;
  }

  /** An attempt failed: the error to throw (or retry on), with `nothingSent` true only if no attempt left. */
  failed(error: unknown): unknown {
    if (!(error instanceof VspcNetworkError) || !error.nothingSent) {
      this.maybeSent = true;
      return error;
    }
    if (!this.maybeSent) return error;
    return new VspcNetworkError(error.message, {
      endpoint: error.endpoint,
      requestId: error.requestId,
      cause: error.cause,
      nothingSent: false,
    });
  }

  /**
   * Getting a token failed, so this attempt of the request was not sent. When the token request could
   * not reach VSPC either, the request itself fails as unreachable, with its own endpoint and id.
   */
  failedBeforeSending(error: unknown): unknown {
    if (!(error instanceof VspcNetworkError)) return error;
    const { endpoint, requestId } = this.exchange;
    return new VspcNetworkError(`VSPC ${endpoint} could not be reached: ${error.message}`, {
      endpoint,
      requestId,
      cause: error,
      nothingSent: error.nothingSent && !this.maybeSent,
    });
  }
}
