import { AppConfig, loadSigningKeys, SigningKeys } from '@app/config';
import { DomainError, signatureLines } from '@app/domain';
import { readFileSync } from 'node:fs';
import { issueStamps, PdfLayout, sealRect } from './layout';
import { P12Signer } from './p12-signer';
import { signPdf } from './pdf-signature';
import type { Signer } from './signer';
import { checkPdfSignatures, PdfSignatureCheck } from './verify';

const BLUE: [number, number, number] = [0, 0.2, 0.75];
const RED: [number, number, number] = [0.86, 0.05, 0.05];

const missing = (who: string) =>
  new DomainError('SIGNING_KEY_MISSING', `Chưa cấu hình khóa ký số cho ${who} (SIGNING_KEYS_FILE, xem README "Chữ ký số").`);

/**
 * The two signatures of an issued report (Decree 30/2020, Art. 5 and 13–14): the signer's, on the
 * rendered document, in the space between his title and name; then, when the records office
 * issues it, the body's (its seal over the left third of the signer's), in the same incremental
 * update as the number and the date, which the body's signature therefore covers.
 */
export class ReportSigning {
  private fontCache: { regular: Buffer; italic: Buffer } | null = null;
  private readonly signers = new Map<string, Signer>();

  constructor(
    readonly keys: SigningKeys | null,
    private readonly fontFiles: { regular: string; italic: string },
  ) {}

  static fromConfig(config: AppConfig): ReportSigning {
    const keys = config.SIGNING_KEYS_FILE ? loadSigningKeys(config.SIGNING_KEYS_FILE) : null;
    return new ReportSigning(keys, { regular: config.SIGNATURE_FONT, italic: config.SIGNATURE_FONT_ITALIC });
  }

  /** The signer's name as a sentence writes the body: "Ủy ban nhân dân tỉnh Lạng Sơn". */
  get organizationName(): string {
    if (!this.keys) throw missing('cơ quan');
    return this.keys.organization.name;
  }

  hasSignerKey(username: string): boolean {
    return this.keys?.signers.has(username) ?? false;
  }

  hasOrganizationKey(): boolean {
    return this.keys !== null;
  }

  private fonts() {
    this.fontCache ??= { regular: readFileSync(this.fontFiles.regular), italic: readFileSync(this.fontFiles.italic) };
    return this.fontCache;
  }

  private signer(id: string, open: () => Signer): Signer {
    if (!this.signers.has(id)) this.signers.set(id, open());
    return this.signers.get(id)!;
  }

  /** Ký: the vice-chairman's signature (PAdES; B-T with a time-stamping authority), number and date still blank. */
  async signAsSigner(pdf: Buffer, layout: PdfLayout, s: { username: string; name: string; place: string; at: Date }): Promise<Buffer> {
    const key = this.keys?.signers.get(s.username);
    if (!this.keys || !key) throw missing(`người ký "${s.username}"`);
    const signer = this.signer(`signer:${s.username}`, () => P12Signer.open(key.p12, key.password));
    return signPdf(pdf, {
      signer, signingTime: s.at, fieldName: `Chữ ký của ${s.name}`, name: s.name, reason: 'Ký ban hành văn bản', location: s.place,
      fonts: this.fonts(), timestampUrl: this.keys.timestampUrl ?? undefined,
      visible: { page: layout.signature.page, rect: layout.signature, lines: signatureLines(s.name, this.keys.organization.name, s.at), color: BLUE, mark: { kind: 'signature', png: key.image ?? undefined } },
    });
  }

  /** Phát hành: number and date written in, the body's signature and seal, one incremental update. */
  async issueAsBody(pdf: Buffer, layout: PdfLayout, s: { number: string; date: string; place: string; at: Date }): Promise<Buffer> {
    if (!this.keys) throw missing('cơ quan');
    const org = this.keys.organization;
    const signer = this.signer('organization', () => P12Signer.open(org.p12, org.password));
    // the seal alone, as the records-office tools place it: who and when are in the signature (viewers, pdfsig, the verify route)
    const lines: string[] = [];
    const rect = sealRect(layout, lines.length);
    return signPdf(pdf, {
      signer, signingTime: s.at, fieldName: `Chữ ký số của ${org.name}`, name: org.name, reason: 'Phát hành văn bản', location: s.place,
      fonts: this.fonts(), timestampUrl: this.keys.timestampUrl ?? undefined,
      visible: { page: rect.page, rect, lines, color: RED, mark: { kind: 'seal', png: org.image ?? undefined } },
      stamps: issueStamps(layout, s.number, s.date),
    });
  }

  /** Every signature of a PDF, checked against the trusted roots of SIGNING_KEYS_FILE. */
  check(pdf: Buffer): Promise<PdfSignatureCheck[]> {
    return checkPdfSignatures(pdf, this.keys?.trustedRoots ?? []);
  }
}
