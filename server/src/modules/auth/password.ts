import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): slow enough to hurt guessing.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown usernames do not answer faster. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash('not-a-real-password');
  await verifyPassword(await dummy, password);
}
