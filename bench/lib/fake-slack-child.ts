/** Child process: the fake Slack of test/support/slack, answering its parent's questions over IPC. */
import { RESPONSE_URL, startFakeSlack } from '../../test/support/slack/index.js';

const fake = await startFakeSlack();
const send = (message: unknown) => process.send?.(message);

process.on('message', (message: { type: string; id: number }) => {
  const value = message.type === 'responseUrl' ? fake.responseUrl() : fake.calls(RESPONSE_URL).length;
  send({ type: 'result', id: message.id, value });
});
process.on('disconnect', () => {
  void fake.close().then(() => process.exit(0));
});
process.on('SIGTERM', () => {
  void fake.close().then(() => process.exit(0));
});
send({ type: 'ready', apiUrl: fake.apiUrl, botToken: fake.identity.botToken });
