/**
 * Builders of the bodies Slack sends for a slash command, a button click and a modal submission.
 * The same objects go over HTTP (signed, see send.ts) and over Socket Mode (as envelope payloads).
 */
import type {
  BlockAction,
  ButtonAction,
  SlashCommand,
  UploadedFile,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';

const DEFAULT_TEAM = 'T000';
const DEFAULT_APP = 'A0APP';
/** The legacy verification token Slack still includes; Bolt ignores it. */
const VERIFICATION_TOKEN = 'fake-verification-token';

export interface SlashCommandInput {
  text?: string;
  userId: string;
  userName?: string;
  channelId: string;
  channelName?: string;
  teamId?: string;
  responseUrl: string;
  triggerId?: string;
  command?: string;
  apiAppId?: string;
}

export function slashCommandPayload(input: SlashCommandInput): SlashCommand {
  return {
    token: VERIFICATION_TOKEN,
    team_id: input.teamId ?? DEFAULT_TEAM,
    team_domain: 'fake-workspace',
    channel_id: input.channelId,
    channel_name: input.channelName ?? 'licensing',
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: input.command ?? '/vspc',
    text: input.text ?? '',
    api_app_id: input.apiAppId ?? DEFAULT_APP,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? newTriggerId(),
  };
}

export interface BlockActionInput {
  actionId: string;
  value?: string;
  blockId?: string;
  userId: string;
  channelId: string;
  messageTs: string;
  responseUrl: string;
  triggerId?: string;
  teamId?: string;
  /** The message the button is on, as Slack echoes it (text and blocks). */
  message?: { text?: string; blocks?: unknown[] };
  /** A button on an ephemeral message: Slack then sends no `message`, and `container.is_ephemeral`. */
  ephemeral?: boolean;
  buttonText?: string;
}

export function blockActionPayload(input: BlockActionInput): BlockAction<ButtonAction> {
  const teamId = input.teamId ?? DEFAULT_TEAM;
  const blockId = input.blockId ?? 'actions';
  const ephemeral = input.ephemeral ?? false;
  const action: ButtonAction = {
    type: 'button',
    action_id: input.actionId,
    block_id: blockId,
    text: { type: 'plain_text', text: input.buttonText ?? input.actionId, emoji: true },
    action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
    ...(input.value !== undefined ? { value: input.value } : {}),
  };
  return {
    type: 'block_actions',
    user: { id: input.userId, username: input.userId.toLowerCase(), name: input.userId.toLowerCase(), team_id: teamId },
    api_app_id: DEFAULT_APP,
    token: VERIFICATION_TOKEN,
    container: {
      type: 'message',
      message_ts: input.messageTs,
      channel_id: input.channelId,
      is_ephemeral: ephemeral,
    },
    trigger_id: input.triggerId ?? newTriggerId(),
    team: { id: teamId, domain: 'fake-workspace' },
    is_enterprise_install: false,
    channel: { id: input.channelId, name: 'licensing' },
    ...(ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            user: 'U0BOT',
            ts: input.messageTs,
            text: input.message?.text ?? '',
            ...(input.message?.blocks ? { blocks: input.message.blocks } : {}),
          },
        }),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [action],
  };
}

export type StateValues = Record<string, Record<string, ViewStateValue>>;

export interface ViewSubmissionInput {
  callbackId: string;
  privateMetadata?: string;
  /** `view.state.values`: block_id → action_id → value (see `fileInputValue`, `plainTextValue`). */
  values: StateValues;
  userId: string;
  viewId?: string;
  teamId?: string;
  triggerId?: string;
  title?: string;
  blocks?: unknown[];
  /** Only when the modal has a select with `response_url_enabled` (then Bolt's respond() uses the first). */
  responseUrls?: Array<{ blockId: string; actionId: string; channelId: string; responseUrl: string }>;
}

export function viewSubmissionPayload(input: ViewSubmissionInput): ViewSubmitAction {
  const teamId = input.teamId ?? DEFAULT_TEAM;
  const viewId = input.viewId ?? 'V00000001';
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'fake-workspace' },
    user: { id: input.userId, name: input.userId.toLowerCase(), team_id: teamId },
    api_app_id: DEFAULT_APP,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId ?? newTriggerId(),
    is_enterprise_install: false,
    view: {
      id: viewId,
      team_id: teamId,
      type: 'modal',
      blocks: (input.blocks ?? []) as ViewSubmitAction['view']['blocks'],
      private_metadata: input.privateMetadata ?? '',
      callback_id: input.callbackId,
      state: { values: input.values },
      hash: '1700000000.abcdef12',
      title: { type: 'plain_text', text: input.title ?? 'VSPC', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: DEFAULT_APP,
      external_id: '',
      app_installed_team_id: teamId,
      bot_id: 'B0BOT',
    },
    response_urls: (input.responseUrls ?? []).map((url) => ({
      block_id: url.blockId,
      action_id: url.actionId,
      channel_id: url.channelId,
      response_url: url.responseUrl,
    })),
  };
}

/** The state value of a plain_text_input. */
export function plainTextValue(value: string): ViewStateValue {
  return { type: 'plain_text_input', value };
}

/** The state value of a file_input holding the given files (e.g. from `fake.hostFile`). */
export function fileInputValue(...files: UploadedFile[]): ViewStateValue {
  return { type: 'file_input', files };
}

let triggerCount = 0;
/** Trigger ids look like `1234567890.1234567890.abcdef…`; these are unique per process. */
export function newTriggerId(): string {
  triggerCount += 1;
  return `1700000000.${String(triggerCount).padStart(10, '0')}.fakefakefakefakefakefakefakefake`;
}

/** The Events API body of `app_home_opened`: the user opened the app's Home (or Messages) tab. */
export function appHomeOpenedPayload(input: { userId: string; tab?: 'home' | 'messages'; teamId?: string }) {
  const teamId = input.teamId ?? DEFAULT_TEAM;
  eventCount += 1;
  return {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: DEFAULT_APP,
    type: 'event_callback',
    event_id: `Ev${String(eventCount).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    event_context: `fake-context-${eventCount}`,
    authorizations: [{ team_id: teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event: {
      type: 'app_home_opened',
      user: input.userId,
      channel: `D${input.userId.replace(/^[UW]/, '')}`,
      tab: input.tab ?? 'home',
      event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    },
  };
}

let eventCount = 0;

/**
 * A button click in the App Home: the container is the view, and Slack sends no channel, no message
 * and no response_url.
 */
export function homeBlockActionPayload(input: {
  actionId: string;
  value: string;
  userId: string;
  blockId?: string;
  viewId?: string;
  teamId?: string;
}): BlockAction<ButtonAction> {
  const teamId = input.teamId ?? DEFAULT_TEAM;
  const viewId = input.viewId ?? 'VHOME0001';
  return {
    type: 'block_actions',
    user: { id: input.userId, username: input.userId.toLowerCase(), name: input.userId.toLowerCase(), team_id: teamId },
    api_app_id: DEFAULT_APP,
    token: VERIFICATION_TOKEN,
    container: { type: 'view', view_id: viewId },
    trigger_id: newTriggerId(),
    team: { id: teamId, domain: 'fake-workspace' },
    is_enterprise_install: false,
    view: {
      id: viewId,
      team_id: teamId,
      type: 'home',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      hash: '1700000000.home0001',
      title: { type: 'plain_text', text: 'Home', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: viewId,
      app_id: DEFAULT_APP,
      external_id: '',
      app_installed_team_id: teamId,
      bot_id: 'B0BOT',
    },
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: input.blockId ?? `approval:${input.value}`,
        text: { type: 'plain_text', text: input.actionId, emoji: true },
        value: input.value,
        action_ts: `${Math.floor(Date.now() / 1000)}.000001`,
      },
    ],
  } as unknown as BlockAction<ButtonAction>;
}
