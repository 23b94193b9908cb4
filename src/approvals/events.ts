/**
 * What happened to a pending action, told to whoever listens (the App Home, the notifications):
 * a write was requested, its card was posted, it started executing, or it ended (or its call ended
 * without a known outcome). Fired by the service, the expiry sweep and recovery after the store's
 * compare-and-set, so each change is told once, by the process that made it. Listeners run after
 * the change, never inside it: a slow or failing listener cannot hold up or undo a transition.
 */
import type { Logger } from '../log.js';
import type { PendingAction } from '../store/types.js';

export type ActionStage = 'requested' | 'card' | 'executing' | 'finished';

export interface ActionEvent {
  stage: ActionStage;
  /** The action as it is after the change. `finished` with status `executing`: outcome not known yet. */
  action: PendingAction;
}

export type ActionListener = (event: ActionEvent) => Promise<void> | void;

export interface ActionEvents {
  emit(event: ActionEvent): void;
  /** Returns the unsubscribe. */
  subscribe(listener: ActionListener): () => void;
  /** Resolves once every listener call started so far has finished (shutdown, tests). */
  idle(): Promise<void>;
}

export function createActionEvents(logger: Logger): ActionEvents {
  const listeners = new Set<ActionListener>();
  const running = new Set<Promise<void>>();
  return {
    emit(event) {
      for (const listener of listeners) {
        const work = Promise.resolve()
          .then(() => listener(event))
          .catch((error: unknown) =>
            logger.warn({ err: error, actionId: event.action.id, stage: event.stage }, 'an action listener failed'),
          )
          .finally(() => running.delete(work));
        running.add(work);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
