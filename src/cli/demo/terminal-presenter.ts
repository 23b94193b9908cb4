/** Shows an action's progress on the terminal, the way the Slack card would change. */
import type { Presenter } from '../../approvals/types.js';

export function terminalPresenter(write: (line: string) => void): Presenter {
  return {
    async executing(action) {
      write(`Running ${action.id} …`);
    },
    async finished(action) {
      write(`${action.status}: ${action.outcome ?? '(no outcome recorded)'}`);
    },
  };
}
