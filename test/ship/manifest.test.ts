/**
 * manifest.yml against (1) the rules of Slack's published manifest schema for the fields we use
 * (slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json: required keys, lengths, allowed
 * values, no unknown keys) and (2) what the code really registers and calls.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ }).max(3000);

const manifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.literal(1), minor_version: z.number().int().min(0).optional() }),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140).optional(),
    long_description: z.string().min(175).max(4000).optional(),
    background_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
  }),
  features: z.strictObject({
    app_home: z
      .strictObject({
        home_tab_enabled: z.boolean().optional(),
        messages_tab_enabled: z.boolean().optional(),
        messages_tab_read_only_enabled: z.boolean().optional(),
      })
      .optional(),
    bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() }),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().min(2).max(32).regex(/^\//),
          url: url.optional(),
          description: z.string().min(1).max(2000),
          usage_hint: z.string().min(1).max(1000).optional(),
          should_escape: z.boolean().optional(),
        }),
      )
      .min(1)
      .max(50),
  }),
  oauth_config: z.strictObject({
    scopes: z.strictObject({ bot: z.array(z.string().max(50)).max(255) }),
  }),
  settings: z.strictObject({
    event_subscriptions: z
      .strictObject({
        request_url: z
          .string()
          .regex(/^https?:\/\//)
          .max(3500)
          .optional(),
        bot_events: z.array(z.string().max(50)).max(100).optional(),
        user_events: z.array(z.string().max(50)).max(100).optional(),
      })
      .optional(),
    interactivity: z.strictObject({
      is_enabled: z.boolean(),
      request_url: url.optional(),
      message_menu_options_url: url.optional(),
    }),
    org_deploy_enabled: z.boolean().optional(),
    socket_mode_enabled: z.boolean().optional(),
    token_rotation_enabled: z.boolean().optional(),
  }),
});

/** Bot scope each Web API method needs (Slack method reference pages); null = no scope. */
const METHOD_SCOPES: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'views.open': null,
  'views.update': null,
  'views.push': null,
  'views.publish': null,
  'users.info': 'users:read',
  'usergroups.users.list': 'usergroups:read',
  'files.uploadV2': 'files:write',
  'files.info': 'files:read',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const source = sourceFiles('src')
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const manifest = manifestSchema.parse(parse(readFileSync('manifest.yml', 'utf8')));

describe('manifest.yml', () => {
  it('follows the rules of Slack manifest schema 1.0.0 for every field it uses', () => {
    expect(manifest.features.slash_commands[0]?.should_escape).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(() => manifestSchema.parse({ ...manifest, settings: { ...manifest.settings, foo: 1 } })).toThrow();
  });

  it('declares the command the app registers, pointing at /slack/events', () => {
    const command = manifest.features.slash_commands[0];
    expect(command?.command).toBe('/vspc');
    expect(source).toMatch(/VSPC_COMMAND = '\/vspc'[\s\S]*app\.command\(VSPC_COMMAND/);
    expect(command?.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
  });

  it('turns the Home tab on and subscribes to exactly the events the app listens to, at /slack/events', () => {
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    const events = manifest.settings.event_subscriptions;
    const listened = [...source.matchAll(/app\.event\('(\w+)'/g)].map((match) => match[1]);
    expect([...(events?.bot_events ?? [])].sort()).toEqual([...new Set(listened)].sort());
    expect(new Set(events?.bot_events).size).toBe(events?.bot_events?.length);
    expect(events?.request_url).toMatch(/\/slack\/events$/);
  });

  it('asks for exactly the bot scopes the code needs', () => {
    const called = new Set<string>();
    for (const match of source.matchAll(
      /client(?:\(\))?\.(chat|views|users|usergroups|files|auth)\.(\w+(?:\.\w+)?)\(/g,
    )) {
      called.add(`${match[1]}.${match[2]}`);
    }
    for (const method of called) expect(METHOD_SCOPES, `unknown Web API method ${method}`).toHaveProperty(method);
    const needed = new Set<string>(['commands']);
    for (const method of called) {
      const scope = METHOD_SCOPES[method];
      if (scope) needed.add(scope);
    }
    // file_input in the install modal and downloading url_private_download need files:read.
    if (source.includes("type: 'file_input'")) needed.add('files:read');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
