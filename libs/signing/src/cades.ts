import * as asn1js from 'asn1js';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { Signer } from './signer';

/** pkijs does its hashing and verifying through Web Crypto: Node's own. */
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
} as const;

/** a copy of the bytes as their own ArrayBuffer (what the asn1js/pkijs types ask for) */
export const arrayBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const sha256 = (data: Buffer | ArrayBuffer | Uint8Array) => createHash('sha256').update(Buffer.from(data as Uint8Array)).digest();
const sha256Id = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });
const der = (schema: { toBER(sizeOnly?: boolean): ArrayBuffer }) => Buffer.from(new Uint8Array(schema.toBER(false)));

/** ESS signing-certificate-v2 (RFC 5035): binds the signature to its certificate, as PAdES B-B requires. */
function signingCertificateV2(leaf: pkijs.Certificate, leafDer: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [leaf.issuer.toSchema()] })] }),
      new asn1js.Integer({ valueHex: leaf.serialNumber.valueBlock.valueHexView }),
    ],
  });
  // hashAlgorithm is left out: its DEFAULT is SHA-256
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(leafDer) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** Asks an RFC 3161 time-stamping authority for a token over `signature` (PAdES B-T). */
export async function requestTimestamp(url: string, signature: Buffer): Promise<pkijs.ContentInfo> {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: sha256Id(), hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(sha256(signature)) }) }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(randomBytes(8)) }),
    certReq: true,
  });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: new Uint8Array(der(request.toSchema())) });
  if (!res.ok) throw new Error(`time-stamping authority ${url} answered ${res.status}`);
  const response = pkijs.TimeStampResp.fromBER(await res.arrayBuffer());
  if (response.status.status > 1 || !response.timeStampToken) throw new Error(`time-stamping authority ${url} refused (status ${response.status.status})`);
  return response.timeStampToken;
}

/**
 * A detached CAdES signature (CMS SignedData, ETSI EN 319 122) over `content`, as PAdES
 * (SubFilter ETSI.CAdES.detached) puts in a PDF: signed attributes content-type, message-digest
 * and signing-certificate-v2; the claimed signing time is the signature dictionary's /M, since
 * PAdES forbids the signing-time attribute. With `timestampUrl`, a signature time-stamp makes it
 * PAdES B-T. pkijs builds every structure; only the RSA operation goes to the `Signer`.
 */
export async function cadesDetached(content: Buffer, signer: Signer, options: { timestampUrl?: string } = {}): Promise<Buffer> {
  const certificates = signer.certificates.map((c) => pkijs.Certificate.fromBER(arrayBuffer(c)));
  const leaf = certificates[0];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(leaf, signer.certificates[0])] }),
    ],
  });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: sha256Id(),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() }),
    signedAttrs,
  });
  // what is signed is the DER of the attributes as a SET (RFC 5652 §5.4), not their [0] tagging
  const toBeSigned = der(signedAttrs.toSchema());
  toBeSigned[0] = 0x31;
  const signature = await signer.sign(toBeSigned);
  signerInfo.signature = new asn1js.OctetString({ valueHex: signature });
  if (options.timestampUrl) {
    const token = await requestTimestamp(options.timestampUrl, signature);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [token.toSchema()] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [sha256Id()],
    certificates,
    signerInfos: [signerInfo],
  });
  return der(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }).toSchema());
}
