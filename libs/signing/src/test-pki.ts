import forge from 'node-forge';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * A throw-away certificate authority and its certificates, for the demo and the tests ONLY: the
 * keys are made on this machine, the CA is trusted by nobody but this installation's demo
 * configuration, and the certificates prove nothing about anyone. A province uses the
 * certificates its CA issued (Ban Cơ yếu Chính phủ for "chữ ký số chuyên dùng công vụ"); see the
 * README, "Chữ ký số".
 */
export interface TestIdentity {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  email?: string;
}

export interface IssuedCertificate {
  p12: Buffer;
  certificatePem: string;
}

const utf8 = (type: string, value: string): forge.pki.CertificateField => ({ type, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });

function subject(who: TestIdentity): forge.pki.CertificateField[] {
  return [
    { type: '2.5.4.6', value: 'VN' },
    ...(who.locality ? [utf8('2.5.4.7', who.locality)] : []),
    ...(who.organization ? [utf8('2.5.4.10', who.organization)] : []),
    ...(who.organizationalUnit ? [utf8('2.5.4.11', who.organizationalUnit)] : []),
    utf8('2.5.4.3', who.commonName),
  ];
}

function keyPair() {
  // Node's OpenSSL makes the key in milliseconds (forge's JavaScript takes seconds); forge then signs the certificate
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string),
  };
}

export class TestCertificateAuthority {
  private constructor(
    private readonly key: forge.pki.rsa.PrivateKey,
    readonly certificate: forge.pki.Certificate,
  ) {}

  /** valid from 1 January 2024 (the demo signs in June 2024) for 20 years */
  static create(name: TestIdentity, notBefore = new Date('2024-01-01T00:00:00Z')): TestCertificateAuthority {
    const keys = keyPair();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
    cert.validity.notBefore = notBefore;
    cert.validity.notAfter = new Date(notBefore.getTime() + 20 * 365.25 * 86_400_000);
    cert.setSubject(subject(name));
    cert.setIssuer(subject(name));
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    return new TestCertificateAuthority(keys.privateKey, cert);
  }

  get certificatePem(): string {
    return forge.pki.certificateToPem(this.certificate);
  }

  /** A signing certificate for a person or an organisation, in a PKCS#12 file with this CA's certificate. */
  issue(who: TestIdentity, password: string, notBefore = this.certificate.validity.notBefore): IssuedCertificate {
    const keys = keyPair();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
    cert.validity.notBefore = notBefore;
    cert.validity.notAfter = new Date(notBefore.getTime() + 10 * 365.25 * 86_400_000);
    cert.setSubject(subject(who));
    cert.setIssuer(this.certificate.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'extKeyUsage', emailProtection: true },
      ...(who.email ? [{ name: 'subjectAltName', altNames: [{ type: 1, value: who.email }] }] : []),
      { name: 'authorityKeyIdentifier', keyIdentifier: this.certificate.generateSubjectKeyIdentifier().getBytes() },
    ]);
    cert.sign(this.key, forge.md.sha256.create());
    const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, this.certificate], password, { algorithm: 'aes256', friendlyName: who.commonName });
    return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), certificatePem: forge.pki.certificateToPem(cert) };
  }
}
