/**
 * `vspc-license-bot <command>`: one file per subcommand under `./commands/`, each exporting
 * `run(argv): Promise<number>` (the exit status). Loaded lazily so `simulator` does not pay for Bolt.
 */
const COMMANDS: Record<string, string> = {
  serve: 'run the Slack app (HTTP or Socket Mode)',
  demo: 'start the simulator and an interactive console; no Slack, no VSPC needed',
  simulator:
    'run the VSPC simulator: simulator --port N [--seed S] [--vbr N …] [--latency MS] [--fail-rate P] [--async]',
  exec: 'run one command against VSPC_URL: exec "licenses --expiring 30" [--yes]',
  digest: "print today's digest as text, or post it: digest [--post]",
  audit: 'print the audit log as JSON lines: audit [N]',
};

function usage(): string {
  return [
    'usage: vspc-license-bot <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, text]) => `  ${name.padEnd(10)} ${text}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  if (!(name in COMMANDS)) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const mod = (await import(`./commands/${name}.js`)) as { run(argv: string[]): Promise<number> };
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    // Servers keep the loop alive themselves; one-shot commands end here.
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
