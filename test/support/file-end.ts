/** Clean-ups a support module registers for the end of the test file, run by after-env.ts before the database closes. */
const tasks: Array<() => Promise<void>> = [];

export function atFileEnd(task: () => Promise<void>): void {
  tasks.push(task);
}

export async function runFileEnd(): Promise<void> {
  while (tasks.length) await tasks.pop()!();
}
