/** The offline Slack test harness: a loopback fake of Slack plus signed requests to the app. */
export { type CapturingLogger, capturingBoltLogger } from './bolt-logger.js';
export { boltTestOptions, fakeClientOptions } from './bolt-options.js';
export { type CallMatcher, summarise, type WaitOptions } from './call-log.js';
export { FakeSlack, startFakeSlack, type UploadRecord } from './fake-slack.js';
export { type HostFileInput, SIGN_IN_PAGE } from './file-host.js';
export {
  appHomeOpenedPayload,
  type BlockActionInput,
  blockActionPayload,
  fileInputValue,
  homeBlockActionPayload,
  newTriggerId,
  plainTextValue,
  type SlashCommandInput,
  type StateValues,
  slashCommandPayload,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './payloads.js';
export type { ResponseUrlOptions } from './response-urls.js';
export {
  type AppResponse,
  buildSignedRequest,
  eventsUrl,
  FORM_CONTENT_TYPE,
  replayRequest,
  type SendOptions,
  type SignedRequest,
  sendBlockAction,
  sendEvent,
  sendRequest,
  sendSignedForm,
  sendSignedPayload,
  sendSlashCommand,
  sendViewSubmission,
} from './send.js';
export { STALE_AGE_SECONDS, slackSignature, slackTimestamp } from './sign.js';
export { type Envelope, type EnvelopeType, FakeSocketMode, type SocketAck, type SocketClose } from './socket-mode.js';
export {
  type FakeSlackOptions,
  type FakeUser,
  type Fault,
  FILE_DOWNLOAD,
  FILE_UPLOAD,
  type Params,
  RESPONSE_URL,
  type RecordedCall,
  type RecordedDownload,
  type RecordedResponse,
  type StoredFile,
  type StoredMessage,
  type StoredView,
} from './types.js';
export type { FakeLinks, MethodContext, MethodHandler, MethodResult } from './web-api/index.js';
export type { Identity } from './workspace.js';
