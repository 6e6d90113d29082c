import {
  degrees, drawImage, drawSvgPath, PDFArray, PDFDict, PDFDocument, PDFFont, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFOperator,
  PDFPage, PDFRef, PDFString, beginText, endText, moveText, popGraphicsState, pushGraphicsState, rgb, setFillingRgbColor, setFontAndSize, showText,
  drawEllipse, } from '@cantoo/pdf-lib';
import fontkit from '@cantoo/fontkit';
import { SignPdf } from '@signpdf/signpdf';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { cadesDetached } from './cades';
import type { Signer } from './signer';

/** Room for the CMS: the certificates, the signature and a time-stamp token with its own chain. */
const SIGNATURE_BYTES = 16_384;
/** Annotation flags: Print (4), ReadOnly (64), Locked (128). */
const PRINT_READONLY_LOCKED = 4 | 64 | 128;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Text added in the update of a signature, as the records office adds the number and the date: a read-only FreeText annotation. */
export interface TextStamp {
  name: string;
  page: number;
  /** the left end of the text's baseline, PDF user space */
  x: number;
  y: number;
  text: string;
  size: number;
  italic?: boolean;
  /** x is the centre of the text, not its left end */
  centre?: boolean;
}

export type Rgb = [number, number, number];

export interface VisibleSignature {
  page: number;
  rect: Rect;
  /** "Ký bởi: …", "Cơ quan: …", "Thời gian ký: …" */
  lines: string[];
  color: Rgb;
  /** a signature image (blue, transparent PNG) or the seal (red, transparent PNG); without one a plain drawing stands in */
  mark: { kind: 'signature' | 'seal'; png?: Buffer };
}

export interface PdfSignatureOptions {
  signer: Signer;
  /** the claimed signing time (/M) */
  signingTime: Date;
  fieldName: string;
  /** /Name, /Reason, /Location of the signature dictionary */
  name: string;
  reason: string;
  location: string;
  visible?: VisibleSignature;
  stamps?: TextStamp[];
  /** TrueType fonts with the Vietnamese letters (Liberation Serif: Times New Roman's metrics) */
  fonts: { regular: Buffer; italic: Buffer };
  /** RFC 3161 time-stamping authority: PAdES B-T; without it B-B */
  timestampUrl?: string;
}

/** @signpdf calls this with the bytes the ByteRange covers. */
class CadesSigner extends SignPdfSigner {
  constructor(
    private readonly signer: Signer,
    private readonly timestampUrl: string | undefined,
  ) {
    super();
  }

  async sign(pdf: Buffer): Promise<Buffer> {
    return cadesDetached(pdf, this.signer, { timestampUrl: this.timestampUrl });
  }
}

const text = (font: PDFFont, name: string, s: string, size: number, x: number, y: number): PDFOperator[] => [
  beginText(), setFontAndSize(name, size), moveText(x, y), showText(font.encodeText(s)), endText(),
];

/** A stand-in for a signature image: a blue flourish. */
const FLOURISH = 'M 2 30 C 14 6, 22 48, 34 22 S 52 4, 60 26 S 78 40, 92 14 C 100 4, 106 30, 118 20';
/** A five-pointed star of radius 1 centred on the origin (the seal's centre). */
const STAR = 'M 0 -1 L 0.2245 -0.309 L 0.9511 -0.309 L 0.3633 0.118 L 0.5878 0.809 L 0 0.382 L -0.5878 0.809 L -0.3633 0.118 L -0.9511 -0.309 L -0.2245 -0.309 Z';

/** drawSvgPath and drawEllipse name every paint option; unset ones paint nothing */
const NO_PAINT = { color: undefined, borderColor: undefined, borderWidth: 0 };

function markOperators(v: VisibleSignature, image: string | null, textTop: number): PDFOperator[] {
  const [r, g, b] = v.color;
  const { width, height } = v.rect;
  const none = { rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) };
  if (v.mark.kind === 'signature') {
    // the image (or a flourish) above the text
    if (image) return [pushGraphicsState(), ...drawImage(image, { x: 0, y: textTop, width, height: height - textTop, ...none }), popGraphicsState()];
    const scale = Math.min(width / 120, (height - textTop) / 50);
    return drawSvgPath(FLOURISH, { ...NO_PAINT, x: (width - 120 * scale) / 2, y: height, scale, borderColor: rgb(r, g, b), borderWidth: 1.6 / scale });
  }
  // the seal, real size, at the left, the text under it
  const d = Math.min(width, height - textTop);
  if (image) return [pushGraphicsState(), ...drawImage(image, { x: 0, y: textTop, width: d, height: d, ...none }), popGraphicsState()];
  const c = d / 2;
  const cy = textTop + c;
  return [
    ...drawEllipse({ ...NO_PAINT, x: c, y: cy, xScale: c - 1, yScale: c - 1, borderColor: rgb(r, g, b), borderWidth: 2.2 }),
    ...drawEllipse({ ...NO_PAINT, x: c, y: cy, xScale: c - 9, yScale: c - 9, borderColor: rgb(r, g, b), borderWidth: 0.8 }),
    ...drawSvgPath(STAR, { ...NO_PAINT, x: c, y: cy, scale: c / 4, color: rgb(r, g, b) }),
  ];
}

function appearance(doc: PDFDocument, v: VisibleSignature, font: PDFFont, image: PDFRef | null): PDFRef {
  const size = 6.5;
  const lead = size * 1.2;
  const textTop = v.lines.length * lead + 2;
  const [r, g, b] = v.color;
  const ops: PDFOperator[] = [...markOperators(v, image ? 'Im1' : null, textTop), pushGraphicsState(), setFillingRgbColor(r, g, b)];
  const left = 2;
  v.lines.forEach((line, i) => ops.push(...text(font, 'F1', line, size, left, textTop - (i + 1) * lead + 1)));
  ops.push(popGraphicsState());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, v.rect.width, v.rect.height],
    Resources: { Font: { F1: font.ref }, ...(image ? { XObject: { Im1: image } } : {}) },
  });
  return doc.context.register(stream);
}

function addAnnotation(page: PDFPage, ref: PDFRef): void {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj([ref]));
}

function addStamp(doc: PDFDocument, s: TextStamp, fonts: { regular: PDFFont; italic: PDFFont }): void {
  const font = s.italic ? fonts.italic : fonts.regular;
  const width = font.widthOfTextAtSize(s.text, s.size) + 2;
  const x = s.centre ? s.x - width / 2 + 1 : s.x;
  const descent = s.size * 0.25;
  const height = s.size * 1.25;
  const page = doc.getPage(s.page);
  const ap = doc.context.register(
    doc.context.formXObject([pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...text(font, 'F1', s.text, s.size, 1, descent), popGraphicsState()], {
      BBox: [0, 0, width, height],
      Resources: { Font: { F1: font.ref } },
    }),
  );
  const annot = doc.context.obj({
    Type: 'Annot', Subtype: 'FreeText', NM: PDFString.of(s.name), Contents: PDFHexString.fromText(s.text),
    Rect: [x - 1, s.y - descent, x - 1 + width, s.y - descent + height], DA: PDFString.of(`/F1 ${s.size} Tf 0 g`),
    F: PRINT_READONLY_LOCKED, Border: [0, 0, 0], P: page.ref, AP: { N: ap },
  });
  addAnnotation(page, doc.context.register(annot));
}

/**
 * Signs a PDF as an incremental update (PAdES, SubFilter ETSI.CAdES.detached): what is already in
 * the file — an earlier signature included — stays byte for byte as it was, so the earlier
 * signature stays valid. The same update carries the signature's visible appearance and any
 * text stamps, so the new signature covers them. @cantoo/pdf-lib writes the update,
 * @signpdf/signpdf fills the ByteRange and the signature, pkijs builds the CMS (cades.ts).
 */
export async function signPdf(pdf: Buffer, o: PdfSignatureOptions): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fonts = { regular: await doc.embedFont(o.fonts.regular, { subset: true }), italic: await doc.embedFont(o.fonts.italic, { subset: true }) };

  const byteRange = PDFArray.withContext(doc.context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER));
  const signature = doc.context.obj({
    Type: 'Sig', Filter: 'Adobe.PPKLite', SubFilter: SUBFILTER_ETSI_CADES_DETACHED, ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)), M: PDFString.fromDate(o.signingTime),
    Name: PDFHexString.fromText(o.name), Reason: PDFHexString.fromText(o.reason), Location: PDFHexString.fromText(o.location),
  });
  // written as it is, never inside an object stream: @signpdf finds the placeholder in the file's bytes
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = doc.context.register(PDFInvalidObject.of(bytes));

  const v = o.visible;
  const page = doc.getPage(v?.page ?? 0);
  const rect = v ? [v.rect.x, v.rect.y, v.rect.x + v.rect.width, v.rect.y + v.rect.height] : [0, 0, 0, 0];
  const image = v?.mark.png ? (await doc.embedPng(v.mark.png)).ref : null;
  const ap = v ? appearance(doc, v, fonts.regular, image) : doc.context.register(doc.context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  const widget = doc.context.register(
    doc.context.obj({
      Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: rect, V: signatureRef, T: PDFHexString.fromText(o.fieldName),
      F: PRINT_READONLY_LOCKED, P: page.ref, AP: { N: ap },
    }),
  );
  addAnnotation(page, widget);

  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = doc.context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(form));
  }
  // SignaturesExist | AppendOnly
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (fields) fields.push(widget);
  else form.set(PDFName.of('Fields'), doc.context.obj([widget]));

  for (const s of o.stamps ?? []) addStamp(doc, s, fonts);

  const updated = Buffer.from(await doc.commit({ useObjectStreams: false }));
  if (!updated.subarray(0, pdf.length).equals(pdf)) throw new Error('signPdf: the update changed bytes of the signed file');
  return new SignPdf().sign(updated, new CadesSigner(o.signer, o.timestampUrl));
}

/** The number of pages of a PDF. */
export async function pageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}
