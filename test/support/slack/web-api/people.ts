/** auth.test, users.info, usergroups.users.list, conversations.open: who is who in the fake workspace. */
import type { FakeUser } from '../types.js';
import { fail, type MethodContext, type MethodHandler, type MethodResult, stringParam } from './context.js';

/** Seconds east of UTC for a zone right now, as Slack's `tz_offset`. */
export function tzOffsetSeconds(timeZone: string, at = new Date()): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function userObject(context: MethodContext, user: FakeUser): MethodResult {
  const tz = user.tz ?? context.workspace.identity.defaultTimeZone;
  const name = user.name ?? user.id.toLowerCase();
  const realName = user.realName ?? name;
  return {
    id: user.id,
    team_id: context.workspace.identity.teamId,
    name,
    real_name: realName,
    deleted: user.deleted ?? false,
    is_bot: user.isBot ?? false,
    tz,
    tz_label: tz,
    tz_offset: tzOffsetSeconds(tz),
    profile: { real_name: realName, display_name: name },
  };
}

const authTest: MethodHandler = (context) => {
  const { teamId, botUserId, botId } = context.workspace.identity;
  return {
    ok: true,
    url: 'https://fake-workspace.slack.com/',
    team: 'Fake Workspace',
    user: 'vspc-bot',
    team_id: teamId,
    user_id: botUserId,
    bot_id: botId,
    is_enterprise_install: false,
  };
};

const usersInfo: MethodHandler = (context) => {
  const id = stringParam(context.params, 'user');
  if (!id) return fail('user_not_found');
  const known = context.workspace.users.get(id);
  if (known) return { ok: true, user: userObject(context, known) };
  if (context.workspace.strictUsers || !/^[UW][A-Z0-9]+$/.test(id)) return fail('user_not_found');
  return { ok: true, user: userObject(context, { id }) };
};

const usergroupUsers: MethodHandler = (context) => {
  const id = stringParam(context.params, 'usergroup');
  const members = id ? context.workspace.userGroups.get(id) : undefined;
  if (!members) return fail('no_such_subteam');
  return { ok: true, users: [...members] };
};

const conversationsOpen: MethodHandler = (context) => {
  const channel = stringParam(context.params, 'channel');
  if (channel) return { ok: true, channel: { id: channel } };
  const users = (stringParam(context.params, 'users') ?? '').split(',').filter(Boolean);
  const first = users[0];
  if (!first) return fail('users_list_not_supplied');
  if (users.length > 1) return { ok: true, channel: { id: `G${users.join('').replace(/[UW]/g, '').slice(0, 10)}` } };
  return { ok: true, channel: { id: context.workspace.dmChannelFor(first) } };
};

const connectionsOpen: MethodHandler = (context) => ({ ok: true, url: context.links.socketUrl() });

export const peopleMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'usergroups.users.list': usergroupUsers,
  'conversations.open': conversationsOpen,
  'apps.connections.open': connectionsOpen,
};
