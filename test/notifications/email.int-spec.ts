import { INestApplicationContext } from '@nestjs/common';
import { vnInstant } from '../../libs/domain/src';
import { ManualClock } from '../../libs/queue/src';
import { QueueProbe, startWorker } from '../support/queue-probe';
import { SmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

/** Inbox and e-mail on a real SMTP server on loopback (smtp-server), read back with mailparser. */
describe('notifications: inbox and e-mail over SMTP', () => {
  const clock = new ManualClock(vnInstant('2024-05-13', '09:00'));
  const sink = new SmtpSink();
  let t: TestApp;
  let worker: INestApplicationContext;
  let probe: QueueProbe;
  let periodId: string;
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.token(user)}` });
  const mailsTo = (address: string) => sink.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    const smtpUrl = await sink.start();
    t = await startTestApp('email', { clock });
    await t.db.query(`UPDATE users SET email = username || '@langson.test' WHERE username IN ('officer-sa', 'officer-sb', 'reviewer', 'signer')`);
    periodId = (await t.http().post('/api/periods').set(await auth('admin')).send({ type: 'month', year: 2024, number: 5 }).expect(201)).body.id;
    worker = await startWorker(t, { clock, settings: { smtpUrl } });
    probe = new QueueProbe(t.redisUrl, t.queuePrefix);
  });
  afterAll(async () => {
    await worker?.close();
    await probe?.close();
    await t?.close();
    await sink.stop();
  });

  it('e-mails a reminder in Vietnamese, naming the unit, the period, the deadline and the link, to the unit’s officer', async () => {
    await probe.scan();
    const [mail] = await waitFor(async () => mailsTo('officer-sa@langson.test').length > 0 && mailsTo('officer-sa@langson.test'), 15_000, 'the e-mail');
    const submission = (await t.db.query(`SELECT s.id FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = 'SA' AND s.period_id = $1`, [periodId]))[0].id;
    expect(mail.to).toEqual(['officer-sa@langson.test']);
    expect(mail.from).toBe('no-reply@tonghop.local');
    expect(mail.subject).toBe('Nhắc hạn: báo cáo tháng 5 năm 2024 của Sở A — hạn nộp 16/05/2024, còn 3 ngày làm việc');
    expect(mail.text).toContain('Kính gửi cán bộ Sở A,');
    expect(mail.text).toContain('Hạn nộp: thứ Năm, 16/05/2024. Còn 3 ngày làm việc.');
    expect(mail.text).toContain(`Xem chi tiết: https://tonghop.test/api/submissions/${submission}`);
    // the digest goes to the signer and the reviewer, not to the officers
    await waitFor(async () => mailsTo('signer@langson.test').length === 1, 15_000, 'the digest');
    expect(mailsTo('signer@langson.test')[0].subject).toBe('Tình hình nộp báo cáo tháng 5 năm 2024 ngày 13/05/2024: 0/2 đơn vị đã gửi');
    expect(mailsTo('officer-sa@langson.test')).toHaveLength(1);
    await probe.idle();
    const deliveries = await t.db.query(`SELECT status, attempts FROM email_deliveries ORDER BY to_address`);
    expect(deliveries).toEqual(Array(deliveries.length).fill({ status: 'sent', attempts: 1 }));
  });

  it('puts the message in the inbox at once, retries the e-mail the server refused, and sends it once', async () => {
    sink.refuseNext = 1;
    const officer = await auth('officer-sb');
    const [s] = (await t.http().get(`/api/submissions?periodId=${periodId}`).set(officer).expect(200)).body;
    const saved = await t.http().put(`/api/submissions/${s.id}/values`).set(officer).send({ version: s.version, values: [{ indicatorCode: 'retail', value: 2912.9 }] }).expect(200);
    await t.http().post(`/api/submissions/${s.id}/submit`).set(officer).send({ version: saved.body.version }).expect(200);

    // the reviewer's inbox has it while the mail server is still refusing the copy
    const failedOnce = await waitFor(async () => {
      const [d] = await t.db.query(
        `SELECT d.status, d.attempts, d.last_error FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.kind = 'submission.submitted' AND d.to_address = 'reviewer@langson.test'`,
      );
      return d?.attempts === 1 && d.status === 'pending' ? d : null;
    }, 15_000, 'the refused first attempt');
    expect(failedOnce.last_error).toMatch(/451/);
    const inbox = await t.http().get('/api/me/notifications?unreadOnly=true').set(await auth('reviewer')).expect(200);
    const item = inbox.body.items.find((n: { kind: string }) => n.kind === 'submission.submitted');
    expect(item.title).toBe('Sở B đã gửi báo cáo tháng 5 năm 2024');

    const [mail] = await waitFor(async () => {
      const got = mailsTo('reviewer@langson.test').filter((m) => m.subject === 'Sở B đã gửi báo cáo tháng 5 năm 2024');
      return got.length > 0 && got;
    }, 20_000, 'the retried e-mail');
    expect(mail.text).toContain('Hạn nộp: thứ Năm, 16/05/2024.');
    await probe.idle(20_000);
    const [d] = await t.db.query(
      `SELECT d.status, d.attempts FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.id = $1`,
      [item.id],
    );
    expect(d).toEqual({ status: 'sent', attempts: 2 });
    expect(mailsTo('reviewer@langson.test').filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  it('tells the unit when the office returns (with the reason) or approves its submission', async () => {
    const sb = (await t.db.query(`SELECT s.id, s.version FROM submissions s JOIN reporting_units u ON u.id = s.unit_id WHERE u.code = 'SB' AND s.period_id = $1`, [periodId]))[0];
    await t.http().post(`/api/submissions/${sb.id}/return`).set(await auth('reviewer'))
      .send({ version: sb.version, reason: 'Đề nghị rà soát lại tổng mức bán lẻ' }).expect(200);
    const returned = await waitFor(async () => mailsTo('officer-sb@langson.test').find((m) => m.subject.startsWith('Trả lại')), 15_000, 'the return e-mail');
    expect(returned.subject).toBe('Trả lại: báo cáo tháng 5 năm 2024 của Sở B');
    expect(returned.text).toContain('Lý do: Đề nghị rà soát lại tổng mức bán lẻ');
    const officer = await auth('officer-sb');
    const again = await t.http().post(`/api/submissions/${sb.id}/submit`).set(officer).send({ version: sb.version + 1 }).expect(200);
    await t.http().post(`/api/submissions/${sb.id}/approve`).set(await auth('reviewer')).send({ version: again.body.version }).expect(200);
    const approved = await waitFor(async () => mailsTo('officer-sb@langson.test').find((m) => m.subject.startsWith('Đã duyệt')), 15_000, 'the approval e-mail');
    expect(approved.subject).toBe('Đã duyệt: báo cáo tháng 5 năm 2024 của Sở B');
  });

  it('lets each user read and mark only their own messages', async () => {
    const mine = await t.http().get('/api/me/notifications').set(await auth('officer-sb')).expect(200);
    expect(mine.body.unread).toBeGreaterThanOrEqual(3);
    const first = mine.body.items[0];
    const read = await t.http().post(`/api/me/notifications/${first.id}/read`).set(await auth('officer-sb')).expect(200);
    expect(read.body).toEqual({ id: first.id, readAt: expect.any(String) });
    const again = await t.http().post(`/api/me/notifications/${first.id}/read`).set(await auth('officer-sb')).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    // another user's message, a malformed id: not found, and nothing changes
    for (const [user, id] of [['officer-sa', mine.body.items[1].id], ['officer-sb', 'not-a-uuid']]) {
      const res = await t.http().post(`/api/me/notifications/${id}/read`).set(await auth(user)).expect(404);
      expect(res.body).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND', message: expect.stringMatching(/^Không tìm thấy/) });
    }
    expect((await t.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [mine.body.items[1].id]))[0].read_at).toBeNull();
    const others = await t.http().get('/api/me/notifications').set(await auth('officer-sa')).expect(200);
    expect(others.body.items.every((n: { id: string }) => !mine.body.items.some((m: { id: string }) => m.id === n.id))).toBe(true);
    const bad = await t.http().get('/api/me/notifications?limit=1000').set(await auth('officer-sb')).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const all = await t.http().post('/api/me/notifications/read-all').set(await auth('officer-sb')).expect(200);
    expect(all.body.updated).toBe(mine.body.unread - 1);
    expect((await t.http().get('/api/me/notifications').set(await auth('officer-sb'))).body.unread).toBe(0);
    await t.http().get('/api/me/notifications').expect(401);
  });
});
