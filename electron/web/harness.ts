/**
 * Entry point for `npm run web`: runs Focal's core behind the browser harness and prints the link
 * to open. Usage: node dist/web/harness.cjs [--dir <folder>] [--port <n>] [--static <dist/renderer>]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startHarness } from './harness-server';

interface Args {
  dir: string;
  port: number;
  staticDir: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: resolve(process.cwd(), 'focal-projects'), port: 0, staticDir: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--dir') args.dir = resolve(value());
    else if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a number from 0 to 65535');
      args.port = port;
    } else if (flag === '--static') args.staticDir = resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: npm run web -- [--dir <projects folder>] [--port <port>]');
      process.exit(0);
    } else fail(`unknown option ${flag}`);
  }
  return args;
}

function fail(message: string): never {
  console.error(`focal web: ${message}`);
  process.exit(2);
}

/** dist/web/harness.cjs → dist/renderer; from source (tsx) fall back to ./dist/renderer. */
function findStaticDir(explicit: string | null): string {
  const candidates = explicit ? [explicit] : [join(typeof __dirname === 'string' ? __dirname : process.cwd(), '..', 'renderer'), resolve('dist/renderer')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) fail(`the renderer is not built (looked in ${candidates.join(', ')}): run npm run build first`);
  return found;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.dir, { recursive: true });
  const harness = await startHarness({ workDir: args.dir, staticDir: findStaticDir(args.staticDir), port: args.port });
  console.log(`Focal is running at ${harness.appUrl}`);
  console.log(`Projects are saved in ${args.dir}`);
  const stop = () => {
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`focal web: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
