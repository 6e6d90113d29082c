/**
 * Where a signing key lives. The PDF code (pdf-signature.ts) and the CMS code (cades.ts) never
 * touch a key: they hand the DER of the CMS signed attributes to a `Signer` and get back the raw
 * signature (RSA PKCS#1 v1.5 over SHA-256), the operation every key store offers:
 *
 * - software keys: `P12Signer` (p12-signer.ts), a PKCS#12 file with its password from the
 *   environment or a secrets file (see libs/config/src/signing-keys.ts), never from the database;
 * - a hardware token or HSM (USB token of Ban Cơ yếu / VGCA, a PKCS#11 module): implement
 *   `Signer` with a PKCS#11 binding (e.g. the `pkcs11js` or `graphene-pk11` packages):
 *   `C_SignInit(CKM_SHA256_RSA_PKCS)` + `C_Sign(data)`, certificates read from the token;
 * - a remote signing service (VNPT SmartCA, Viettel MySign, any CSC API server): implement
 *   `Signer` over the provider's "sign hash" call — send SHA-256(data) (the provider adds the
 *   DigestInfo), wait for the user to confirm on the phone, return the signature. Such calls take
 *   minutes and can expire: they belong in the worker (the signer's signature already is) with
 *   the job's retry policy, not in an HTTP request.
 * A new kind is registered in `SignerFactory` (signer-registry.ts) under its `kind` in the keys file.
 */
export interface Signer {
  /** the signing certificate first, then its issuers (DER) */
  readonly certificates: Buffer[];
  /** RSA PKCS#1 v1.5 with SHA-256 over `data` */
  sign(data: Buffer): Promise<Buffer>;
}

/** Who a signature says signed, read from a certificate's subject. */
export interface SignerIdentity {
  commonName: string | null;
  organization: string | null;
}
