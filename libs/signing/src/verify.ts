import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBuffer, OID } from './cades';
import type { SignerIdentity } from './signer';

export interface PdfSignatureCheck extends SignerIdentity {
  /** the signature field's /T */
  field: string | null;
  /** the digest of the signed bytes matches and the signature verifies with the certificate in it */
  intact: boolean;
  /** the certificate chains to one of the trusted roots given */
  trusted: boolean;
  /** the claimed signing time (/M), ISO 8601 */
  signingTime: string | null;
  /** the time of a signature time-stamp (PAdES B-T), ISO 8601 */
  timestampTime: string | null;
  /** the signature covers the file to its end: nothing was added after it */
  coversWholeDocument: boolean;
  subFilter: string | null;
  /** why `intact` is false */
  problem?: string;
}

/** PDF text-string bytes (PDFDocEncoding or UTF-16BE with its BOM) as a string. */
function pdfText(raw: string, hex: boolean): string {
  let bytes = hex ? Buffer.from(raw.replace(/\s+/g, ''), 'hex') : Buffer.from(raw.replace(/\\([()\\])/g, '$1'), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    bytes = bytes.subarray(2);
    const swapped = Buffer.alloc(bytes.length - (bytes.length % 2));
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1];
      swapped[i + 1] = bytes[i];
    }
    return swapped.toString('utf16le');
  }
  return bytes.toString('latin1');
}

function entry(dict: string, key: string): string | null {
  const m = new RegExp(`/${key}\\s*(?:\\(((?:\\\\.|[^\\\\)])*)\\)|<([0-9A-Fa-f\\s]*)>)`).exec(dict);
  if (!m) return null;
  return m[1] !== undefined ? pdfText(m[1], false) : pdfText(m[2], true);
}

/** D:20240603091500+07'00' → ISO 8601 */
function pdfDate(s: string | null): string | null {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const d = new Date(`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function nameAttribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const value = name.typesAndValues.find((t) => t.type === oid)?.value;
  return value ? String(value.valueBlock.value) : null;
}

/**
 * Finds every signature of a PDF (each /ByteRange and the /Contents between its two ranges) and
 * checks it: the CMS's message digest against the bytes it covers, the signature against its
 * certificate (pkijs), the chain against `trustedRoots`. This is what the verify route and the
 * tests read; poppler's pdfsig is the independent second opinion.
 */
export async function checkPdfSignatures(pdf: Buffer, trustedRoots: Buffer[] = []): Promise<PdfSignatureCheck[]> {
  const roots = trustedRoots.map((r) => pkijs.Certificate.fromBER(arrayBuffer(r)));
  const out: PdfSignatureCheck[] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = m.slice(1, 5).map(Number);
    const dictStart = text.lastIndexOf('obj', m.index);
    const dictEnd = text.indexOf('endobj', c);
    const dict = text.slice(dictStart, b) + text.slice(c, dictEnd < 0 ? c : dictEnd);
    const field = fieldOf(text, text.slice(text.lastIndexOf('\n', dictStart - 1) + 1, dictStart).trim());
    const check: PdfSignatureCheck = {
      field, commonName: null, organization: null, intact: false, trusted: false, signingTime: pdfDate(entry(dict, 'M')), timestampTime: null,
      coversWholeDocument: c + d === pdf.length, subFilter: /\/SubFilter\s*\/([^\s/>]+)/.exec(dict)?.[1] ?? null,
    };
    out.push(check);
    if (a !== 0 || b >= c || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
      check.problem = 'ByteRange không hợp lệ';
      continue;
    }
    try {
      const cms = Buffer.from(text.slice(b + 1, c - 1), 'hex');
      const parsed = asn1js.fromBER(new Uint8Array(cms));
      const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
      const data = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
      const result = await signed.verify({ signer: 0, data: arrayBuffer(data), extendedMode: true, checkChain: false });
      const cert = result.signerCertificate;
      if (cert) {
        check.commonName = nameAttribute(cert.subject, OID.commonName);
        check.organization = nameAttribute(cert.subject, OID.organization);
      }
      check.intact = result.signatureVerified === true;
      if (!check.intact) check.problem = 'Chữ ký không khớp với nội dung (tệp đã bị sửa đổi)';
      if (cert && roots.length > 0) check.trusted = await chains(cert, (signed.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate), roots);
      const token = signed.signerInfos[0].unsignedAttrs?.attributes.find((x) => x.type === OID.signatureTimeStampToken)?.values[0];
      if (token) {
        const tst = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
        const info = pkijs.TSTInfo.fromBER(tst.encapContentInfo.eContent!.getValue());
        check.timestampTime = info.genTime.toISOString();
      }
    } catch (e) {
      check.intact = false;
      check.problem = `Chữ ký không đọc được: ${(e as Error).message}`;
    }
  }
  return out;
}

/** The /T of the widget or field whose /V is the signature object "N G". */
function fieldOf(text: string, header: string): string | null {
  const ref = /^(\d+)\s+(\d+)\s+obj/.exec(`${header} obj`);
  if (!ref) return null;
  const use = new RegExp(`/V\\s+${ref[1]}\\s+${ref[2]}\\s+R`).exec(text);
  if (!use) return null;
  const start = text.lastIndexOf('obj', use.index);
  const end = text.indexOf('endobj', use.index);
  return entry(text.slice(start, end), 'T');
}

async function chains(leaf: pkijs.Certificate, intermediates: pkijs.Certificate[], roots: pkijs.Certificate[]): Promise<boolean> {
  try {
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [leaf, ...intermediates.filter((c) => c !== leaf)] });
    return (await engine.verify()).result === true;
  } catch {
    return false;
  }
}
