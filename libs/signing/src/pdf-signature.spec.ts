import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { P12Signer, SigningKeyError } from './p12-signer';
import { signPdf } from './pdf-signature';
import { TestCertificateAuthority } from './test-pki';
import { checkPdfSignatures } from './verify';

const FONTS = {
  regular: readFileSync('/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf'),
  italic: readFileSync('/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf'),
};
const pemToDer = (pem: string) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(pem))).getBytes(), 'binary');
const hasPdfsig = (() => {
  try {
    execFileSync('pdfsig', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function twoPages(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const t of ['So: /BC-UBND', 'TM. UY BAN NHAN DAN']) doc.addPage([595, 842]).drawText(t, { x: 100, y: 700, size: 13, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('PAdES signatures on a PDF, one incremental update each', () => {
  const ca = TestCertificateAuthority.create({ commonName: 'CA thử nghiệm (chỉ dùng cho demo)' });
  const person = P12Signer.open(ca.issue({ commonName: 'Dương Xuân Huyền', organization: 'UBND tỉnh Lạng Sơn' }, 'pw').p12, 'pw');
  const body = P12Signer.open(ca.issue({ commonName: 'UBND TỈNH LẠNG SƠN', organization: 'UBND tỉnh Lạng Sơn' }, 'secret').p12, 'secret');
  let original: Buffer;
  let signed: Buffer;
  let issued: Buffer;

  beforeAll(async () => {
    original = await twoPages();
    signed = await signPdf(original, {
      signer: person, signingTime: new Date('2024-06-03T02:15:00Z'), fieldName: 'Người ký', name: 'Dương Xuân Huyền', reason: 'Ký ban hành', location: 'Lạng Sơn', fonts: FONTS,
      visible: { page: 1, rect: { x: 330, y: 560, width: 200, height: 80 }, lines: ['Ký bởi: Dương Xuân Huyền'], color: [0, 0.2, 0.7], mark: { kind: 'signature' } },
    });
    issued = await signPdf(signed, {
      signer: body, signingTime: new Date('2024-06-03T03:00:00Z'), fieldName: 'Cơ quan', name: 'UBND TỈNH LẠNG SƠN', reason: 'Phát hành', location: 'Lạng Sơn', fonts: FONTS,
      visible: { page: 1, rect: { x: 300, y: 550, width: 100, height: 100 }, lines: [], color: [0.85, 0, 0], mark: { kind: 'seal' } },
      stamps: [{ name: 'number', page: 0, x: 125, y: 700, text: '05', size: 13 }],
    });
  });

  it('keeps every earlier byte: the second signature is appended, the first one still covers what it signed', () => {
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
    expect(issued.subarray(0, signed.length).equals(signed)).toBe(true);
  });

  it('checks both: intact, who signed, when; only the last covers the whole file; both chain to the CA', async () => {
    const checks = await checkPdfSignatures(issued, [pemToDer(ca.certificatePem)]);
    expect(checks).toEqual([
      expect.objectContaining({ field: 'Người ký', commonName: 'Dương Xuân Huyền', intact: true, trusted: true, coversWholeDocument: false, signingTime: '2024-06-03T02:15:00.000Z', subFilter: 'ETSI.CAdES.detached' }),
      expect.objectContaining({ field: 'Cơ quan', commonName: 'UBND TỈNH LẠNG SƠN', organization: 'UBND tỉnh Lạng Sơn', intact: true, trusted: true, coversWholeDocument: true }),
    ]);
    expect((await checkPdfSignatures(issued, [])).every((c) => !c.trusted)).toBe(true);
  });

  it('finds a file altered by one byte inside the signed content', async () => {
    const altered = Buffer.from(issued);
    // a byte of the first page's content stream, which both signatures cover
    const at = altered.indexOf('stream') + 12;
    altered[at] ^= 0x01;
    const checks = await checkPdfSignatures(altered, [pemToDer(ca.certificatePem)]);
    expect(checks.map((c) => c.intact)).toEqual([false, false]);
  });

  (hasPdfsig ? it : it.skip)('is read by poppler’s pdfsig as two valid signatures, the last over the whole document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
    try {
      writeFileSync(join(dir, 'issued.pdf'), issued);
      const out = execFileSync('pdfsig', [join(dir, 'issued.pdf')], { encoding: 'utf8' });
      expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(out).toContain('Signer Certificate Common Name: Dương Xuân Huyền');
      expect(out).toContain('Signer Certificate Common Name: UBND TỈNH LẠNG SƠN');
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out.trim().split('\n').filter((l) => /Total document signed/.test(l))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a PKCS#12 file with the wrong password', () => {
    expect(() => P12Signer.open(ca.issue({ commonName: 'X' }, 'right').p12, 'wrong')).toThrow(SigningKeyError);
  });
});
