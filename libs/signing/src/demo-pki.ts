import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TestCertificateAuthority } from './test-pki';

export interface DemoPkiOptions {
  /** the body: "Ủy ban nhân dân tỉnh Lạng Sơn" */
  organization: string;
  /** its certificate's common name: "UBND TỈNH LẠNG SƠN" */
  organizationCommonName: string;
  locality: string;
  /** username → full name, one certificate each */
  signers: Record<string, string>;
}

const README = `CHỈ DÙNG CHO DEMO VÀ KIỂM THỬ — FOR THE DEMO AND THE TESTS ONLY

Thư mục này do "npm run demo" (hoặc bộ kiểm thử) tạo ra: một CA thử nghiệm dùng một lần và các chứng thư
số cấp cho cơ quan và người ký. Khóa được tạo trên chính máy này, không ai tin cậy CA này, và các chứng thư
không chứng minh điều gì về bất kỳ ai. Văn bản ký bằng các khóa này KHÔNG có giá trị pháp lý.

A throw-away test CA and certificates made on this machine by the demo (or the tests). Nobody trusts this
CA; the certificates prove nothing. Documents signed with these keys have NO legal value. A province
installs the certificates its CA issued: see the README, "Chữ ký số".
`;

/**
 * Writes a throw-away PKI for the demo and the tests into `dir`: the test CA's certificate, a
 * PKCS#12 file for the body and for each signer, their passwords in secrets files (as a real
 * installation keeps them: files readable by the service only, never in the database), and
 * keys.json for SIGNING_KEYS_FILE. Returns the path of keys.json.
 */
export function writeDemoPki(dir: string, o: DemoPkiOptions): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = TestCertificateAuthority.create({ commonName: 'CA THỬ NGHIỆM TỔNG HỢP — CHỈ DÙNG CHO DEMO', organization: 'Tổng hợp (demo)', locality: o.locality });
  writeFileSync(join(dir, 'README.txt'), README);
  writeFileSync(join(dir, 'demo-ca.crt'), ca.certificatePem);
  const issue = (file: string, who: Parameters<TestCertificateAuthority['issue']>[0]) => {
    const password = randomBytes(12).toString('base64url');
    writeFileSync(join(dir, `${file}.p12`), ca.issue(who, password).p12, { mode: 0o600 });
    writeFileSync(join(dir, `${file}.password`), `${password}\n`, { mode: 0o600 });
    return { p12: `${file}.p12`, passwordFile: `${file}.password` };
  };
  const keys = {
    note: 'DEMO ONLY: a throw-away test CA (README.txt). A province lists its real PKCS#12 files here; see the README, "Chữ ký số".',
    organization: { name: o.organization, ...issue('organization', { commonName: o.organizationCommonName, organization: o.organizationCommonName, locality: o.locality }) },
    signers: Object.fromEntries(
      Object.entries(o.signers).map(([username, name]) => [username, issue(`signer-${username}`, { commonName: name, organization: o.organizationCommonName, organizationalUnit: 'Lãnh đạo UBND tỉnh', locality: o.locality })]),
    ),
    trustedRoots: ['demo-ca.crt'],
    timestampUrl: null,
  };
  const file = join(dir, 'keys.json');
  writeFileSync(file, JSON.stringify(keys, null, 2));
  return file;
}

/** The demo's Lạng Sơn: the body and its vice-chairman. */
export const LANG_SON_DEMO_PKI: DemoPkiOptions = {
  organization: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  organizationCommonName: 'UBND TỈNH LẠNG SƠN',
  locality: 'Lạng Sơn',
  signers: { signer: 'Dương Xuân Huyền' },
};
