// Runs independent commands (the lint steps) side by side, as many at once as the machine has
// cores, the longest first as given. Each command's output is printed whole when it ends, with its
// time; the exit code is non-zero when any command failed. Usage: node parallel.cjs 'cmd 1' 'cmd 2' …
const { spawn } = require('node:child_process');
const os = require('node:os');

const commands = process.argv.slice(2);
const slots = Math.max(1, Math.min(commands.length, os.availableParallelism?.() ?? os.cpus().length));
const started = Date.now();
let next = 0;
let failed = 0;

function run(command) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const out = [];
    const child = spawn(command, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    });
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code, signal) => {
      const ok = code === 0;
      if (!ok) failed += 1;
      const text = Buffer.concat(out).toString();
      process.stdout.write(
        `${ok ? '✓' : '✗'} ${command} (${((Date.now() - t0) / 1000).toFixed(1)} s${ok ? '' : `, exit ${code ?? signal}`})\n`,
      );
      if (text.trim()) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      resolve();
    });
  });
}

async function lane() {
  while (next < commands.length) await run(commands[next++]);
}

Promise.all(Array.from({ length: slots }, lane)).then(() => {
  console.log(`${commands.length - failed} of ${commands.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed ? 1 : 0;
});
