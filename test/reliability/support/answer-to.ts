/** What the bot said to one command's response_url after a mark, for tests that read its words. */
import type { TestBot } from '../../support/app.js';
import { RESPONSE_URL } from '../../support/slack/index.js';
import { messageText } from './cards.js';
import { eventually } from './eventually.js';

/** The text of everything the bot said to this response_url after `since`; waits until there is some. */
export async function answerTo(t: TestBot, responseUrl: string, since: number): Promise<string> {
  return eventually(
    () => {
      const said = t.fake
        .calls(RESPONSE_URL)
        .filter((call) => call.seq > since && responseUrl.endsWith(String(call.target)))
        .map((call) => messageText(call.params))
        .join('\n');
      return said.trim() === '' ? undefined : said;
    },
    { timeoutMs: 20_000, what: 'an answer' },
  );
}
