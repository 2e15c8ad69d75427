/**
 * Runs a command under CPU contention: one busy-loop process per core beside it, stopped when
 * the command ends, fails or is interrupted. Tests must pass like this, below half their limits.
 *   npm run test:load                        npm test under load
 *   npm run test:load -- npm run test:e2e    any other command
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

const SPINNER = new URL('./load-spinner.ts', import.meta.url).pathname;

const [command = 'npm', ...args] = process.argv.length > 2 ? process.argv.slice(2) : ['npm', 'test'];
const cores = availableParallelism();
// Each spinner exits by itself when this process goes away (its IPC channel closes).
const spinners: ChildProcess[] = Array.from({ length: cores }, () => fork(SPINNER, { stdio: 'ignore' }));
const stop = () => {
  for (const spinner of spinners) spinner.kill();
};
console.log(`test:load: ${cores} busy-loop processes beside \`${[command, ...args].join(' ')}\``);

const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    child.kill(signal);
    stop();
  });
}
child.on('exit', (code, signal) => {
  stop();
  process.exitCode = code ?? (signal ? 1 : 0);
});
