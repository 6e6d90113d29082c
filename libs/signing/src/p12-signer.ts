import forge from 'node-forge';
import { createPrivateKey, createPublicKey, KeyObject, sign, X509Certificate } from 'node:crypto';
import type { Signer } from './signer';

/** Thrown when a PKCS#12 file cannot be opened (wrong password, no key, no certificate). */
export class SigningKeyError extends Error {}

/**
 * A software key: a PKCS#12 (.p12/.pfx) file as CAs hand them out. node-forge opens it; the key
 * is then a Node KeyObject and signs with OpenSSL.
 */
export class P12Signer implements Signer {
  private constructor(
    private readonly key: KeyObject,
    readonly certificates: Buffer[],
  ) {}

  static open(p12: Buffer, password: string): P12Signer {
    let parsed: forge.pkcs12.Pkcs12Pfx;
    try {
      parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), password);
    } catch (e) {
      throw new SigningKeyError(`cannot open the PKCS#12 file (wrong password?): ${(e as Error).message}`);
    }
    const keyBag =
      parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0] ??
      parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag]?.[0];
    if (!keyBag?.key) throw new SigningKeyError('the PKCS#12 file holds no private key');
    const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
    const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
      .filter((b) => b.cert)
      .map((b) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert!)).getBytes(), 'binary'));
    const own = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const leaf = certs.find((c) => new X509Certificate(c).publicKey.export({ type: 'spki', format: 'der' }).equals(own));
    if (!leaf) throw new SigningKeyError('the PKCS#12 file holds no certificate for its key');
    return new P12Signer(key, [leaf, ...certs.filter((c) => c !== leaf)]);
  }

  async sign(data: Buffer): Promise<Buffer> {
    return sign('sha256', data, this.key);
  }
}
