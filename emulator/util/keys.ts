import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface SigningKeys {
  publicKeyPem: string;
  privateKey: KeyObject;
}

/** Wix signs webhooks with the app's RS256 key; the emulator makes its own pair unless given one. */
export function signingKeys(privateKeyPem?: string): SigningKeys {
  if (privateKeyPem) {
    const privateKey = createPrivateKey(privateKeyPem);
    const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    return { publicKeyPem, privateKey };
  }
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}
