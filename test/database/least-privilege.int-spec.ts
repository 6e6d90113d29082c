import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../../apps/cli/src/audit-command';
import { APP_ROLE, createDataSource, insertAuditEntry, storeRevisionFile } from '../../libs/database/src';
import { createAppLogin } from '../support/app-login';
import { createTestDatabase } from '../support/test-db';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * What the application's role may not do, tried as the API would: a login that is only a member of
 * tonghop_app (the README's runbook), acting as it. The owner (this test's superuser connection)
 * builds an issued revision with its files the way the product does, through the repositories.
 */
describe('least privilege in PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let login: Awaited<ReturnType<typeof createAppLogin>>;
  let owner: DataSource;
  let app: DataSource;
  let revisionId: string;
  const issuedPdf = Buffer.from('%PDF-1.7 issued');

  beforeAll(async () => {
    database = await createTestDatabase('privilege');
    login = await createAppLogin(process.env.TEST_PG_ADMIN_URL!, 'privilege');
    owner = createDataSource(database.url, { poolSize: 2 });
    await owner.initialize();
    app = createDataSource(login.urlFor(database.url), { poolSize: 2, role: APP_ROLE });
    await app.initialize();
    // a report with one issued revision and its files, written as the application writes them
    const [{ id: formId }] = await owner.query(`INSERT INTO form_templates (code, version, name, period_types) VALUES ('f', 1, 'f', '{month}') RETURNING id`);
    const [{ id: periodId }] = await owner.query(
      `INSERT INTO periods (type, year, number, cutoff_from, cutoff_to, deadline, form_template_id) VALUES ('month', 2024, 5, '2024-05-01', '2024-05-31', '2024-06-05', $1) RETURNING id`,
      [formId],
    );
    const [{ id: templateId }] = await owner.query(`INSERT INTO report_templates (code, version, form_code, body) VALUES ('r', 1, 'f', '{}') RETURNING id`);
    const [{ id: reportId }] = await app.query(`INSERT INTO reports (period_id, template_id, state) VALUES ($1, $2, 'signed') RETURNING id`, [periodId, templateId]);
    [{ id: revisionId }] = await app.query(
      `INSERT INTO report_revisions (report_id, number, state, trigger, content, figures) VALUES ($1, 1, 'signed', 't', '{}', '[]') RETURNING id`,
      [reportId],
    );
    const signedPdf = Buffer.from('%PDF-1.7 signed');
    await storeRevisionFile(app, { revisionId, format: 'pdf', renderedAs: 'signed', sha256: sha256(signedPdf), data: signedPdf });
    await storeRevisionFile(app, { revisionId, format: 'pdf', renderedAs: 'issued', sha256: sha256(issuedPdf), data: issuedPdf });
    await app.query(`UPDATE report_revisions SET state = 'issued' WHERE id = $1`, [revisionId]);
    await app.query(`INSERT INTO report_actions (report_id, revision_number, action, sha256) VALUES ($1, 1, 'issue', $2)`, [reportId, sha256(issuedPdf)]);
    await app.transaction((m) => insertAuditEntry(m, { submissionId: null, entityType: 'report', entityId: reportId, action: 'report.issued', actorId: null, after: { n: 1 } }));
  });
  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await database?.drop();
    await login?.drop();
  });

  it('acts as tonghop_app, not as the owner of the tables', async () => {
    const [row] = await app.query(`SELECT current_user AS "user", (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS "super"`);
    expect(row).toEqual({ user: APP_ROLE, super: false });
  });

  it('records the SHA-256 of each signed and issued file once, and only if it is the hash of the bytes', async () => {
    const hashes = await app.query(`SELECT format, rendered_as AS "renderedAs", sha256 FROM report_file_hashes WHERE revision_id = $1 ORDER BY rendered_as`, [revisionId]);
    expect(hashes).toEqual([
      { format: 'pdf', renderedAs: 'issued', sha256: sha256(issuedPdf) },
      { format: 'pdf', renderedAs: 'signed', sha256: sha256(Buffer.from('%PDF-1.7 signed')) },
    ]);
    const forged = Buffer.from('forged');
    await expect(storeRevisionFile(app, { revisionId, format: 'docx', renderedAs: 'issued', sha256: sha256(Buffer.from('other')), data: forged })).rejects.toThrow(/not the SHA-256 of the data/);
  });

  it('cannot UPDATE or DELETE audit rows, sign-off actions or recorded hashes', async () => {
    for (const sql of [
      `UPDATE audit_log SET action = 'changed'`,
      `DELETE FROM audit_log`,
      `UPDATE report_actions SET sha256 = 'x'`,
      `DELETE FROM report_actions`,
      `UPDATE report_file_hashes SET sha256 = 'x'`,
      `DELETE FROM report_file_hashes`,
      `INSERT INTO report_file_hashes (revision_id, format, rendered_as, sha256) VALUES ('${revisionId}', 'docx', 'issued', 'x')`,
      `TRUNCATE audit_log`,
    ]) {
      await expect(app.query(sql)).rejects.toThrow(/permission denied/);
    }
  });

  it('cannot change or delete an issued revision or its files', async () => {
    await expect(app.query(`UPDATE report_revisions SET content = '{"x": 1}' WHERE id = $1`, [revisionId])).rejects.toThrow(/issued revision is never changed/);
    await expect(app.query(`UPDATE report_revisions SET state = 'draft' WHERE id = $1`, [revisionId])).rejects.toThrow(/issued revision is never changed/);
    await expect(app.query(`DELETE FROM report_revisions WHERE id = $1`, [revisionId])).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE report_files SET layout = '{}' WHERE revision_id = $1`, [revisionId])).rejects.toThrow(/issued file is never changed/);
    const other = Buffer.from('%PDF-1.7 other');
    await expect(app.query(`UPDATE report_files SET data = $2, sha256 = $3 WHERE revision_id = $1`, [revisionId, other, sha256(other)])).rejects.toThrow(/never changed/);
    await expect(app.query(`DELETE FROM report_files WHERE revision_id = $1`, [revisionId])).rejects.toThrow(/issued file is never deleted/);
    // the owner cannot either, short of setting the triggers aside
    await expect(owner.query(`DELETE FROM report_files WHERE revision_id = $1`, [revisionId])).rejects.toThrow(/never deleted/);
    const [file] = await app.query(`SELECT sha256 FROM report_files WHERE revision_id = $1`, [revisionId]);
    expect(file.sha256).toBe(sha256(issuedPdf));
  });

  it('lets an issued revision become replaced, and nothing else of it change', async () => {
    await app.query(`UPDATE report_revisions SET state = 'replaced' WHERE id = $1`, [revisionId]);
    await expect(app.query(`UPDATE report_revisions SET state = 'issued' WHERE id = $1`, [revisionId])).rejects.toThrow(/never changed/);
  });

  it('cannot change the schema nor set a trigger aside', async () => {
    for (const [sql, error] of [
      [`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`, /must be owner/],
      [`ALTER TABLE report_files DISABLE TRIGGER ALL`, /must be owner/],
      [`DROP TRIGGER audit_log_chain ON audit_log`, /must be owner/],
      [`SET session_replication_role = replica`, /permission denied/],
      [`CREATE TABLE escape (id int)`, /permission denied for schema public/],
      [`CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`, /permission denied for schema public/],
      [`RESET ROLE; UPDATE audit_log SET action = 'changed'`, /permission denied/],
      [`SET ROLE postgres`, /permission denied/],
    ] as const) {
      await expect(app.query(sql)).rejects.toThrow(error);
    }
  });

  it('chains the audit log in the database, and the audit-verify command finds an altered row', async () => {
    // rows written by many transactions at once still form one chain
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.transaction((m) => insertAuditEntry(m, { submissionId: null, entityType: 'test', entityId: String(i), action: 'test.parallel', actorId: null, after: { i, text: 'Tiếng Việt "quoted"' } })),
      ),
    );
    const first = await verifyAuditChain(app);
    expect(first).toMatchObject({ ok: true, rows: 21 });
    // what only the owner could do, setting the append-only trigger aside
    await owner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    const [{ id }] = await owner.query(`SELECT id FROM audit_log WHERE action = 'test.parallel' ORDER BY chain_seq LIMIT 1 OFFSET 5`);
    await owner.query(`UPDATE audit_log SET after = '{"i": 999}' WHERE id = $1`, [id]);
    await owner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const altered = await verifyAuditChain(app);
    expect(altered.ok).toBe(false);
    expect(altered.ok ? [] : altered.problems).toEqual([expect.stringContaining(`dòng ${id} `)]);
  });
});
