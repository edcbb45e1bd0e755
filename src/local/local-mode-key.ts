import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../server/repository-root.js';

/**
 * The private key the local mode's emulator signs webhooks with. Making an RSA key takes 0.2–0.7 s on a busy
 * machine — a good part of `npm start`'s budget — so it is made once and kept in build/ (gitignored, beside the
 * compiled entries). It signs only webhooks from the local emulator to the local server; delete it for a new one.
 */
export function localModeKey(): string {
  const file = path.join(repositoryRoot(), 'build', 'local-mode-webhook-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, pem, { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // A read-only checkout: use this key for this run only.
  }
  return pem;
}
