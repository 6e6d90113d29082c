/**
 * The statements of the reminder batcher, prepared once per connection (named queries).
 *
 * FACTS reloads the submissions a batch of jobs names: state, latest submission, the unit's own
 * deadline (extension first), what the messages need, and the form's reminder policy.
 */
export const REMINDER_FACTS_SQL = `
  SELECT s.id, s.unit_id, s.period_id, s.state, s.submitted_at, u.name AS unit_name, p.type, p.year, p.number,
         coalesce(e.deadline, p.deadline)::text AS deadline, e.id IS NOT NULL AS extended, ft.reminder_policy
    FROM submissions s
    JOIN reporting_units u ON u.id = s.unit_id
    JOIN periods p ON p.id = s.period_id
    JOIN form_templates ft ON ft.id = p.form_template_id
    LEFT JOIN deadline_extensions e ON e.period_id = s.period_id AND e.unit_id = s.unit_id
   WHERE s.id = ANY($1::uuid[])`;

/**
 * WRITE records a batch of reminders in one statement (one commit): per reminder, a share lock on
 * its submission and a re-check of the state it was planned on (states, and the submission round
 * for review reminders), then the sent-reminder row (unique key: a reminder already written, by
 * this worker or another, is skipped), the inbox entries of its audience, and their e-mail copies.
 * Returns the keys still due (guarded), the keys it created, and the new e-mail deliveries.
 */
export const REMINDER_WRITE_SQL = `
  WITH input AS (
    SELECT DISTINCT ON (key) *
      FROM unnest($1::text[], $2::text[], $3::date[], $4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[],
                  $11::text[], $12::timestamptz[])
        AS t(key, kind, day, period_id, submission_id, audience, unit_id, title, body, link, states, submitted_at)
     ORDER BY key
  ),
  guard AS (
    SELECT i.* FROM input i JOIN submissions s ON s.id = i.submission_id
     WHERE s.state = ANY(string_to_array(i.states, ','))
       AND (i.submitted_at IS NULL OR date_trunc('milliseconds', s.submitted_at) = i.submitted_at)
     ORDER BY i.key
       FOR SHARE OF s
  ),
  leads AS (SELECT EXISTS (SELECT 1 FROM users WHERE role = 'reviewer' AND is_lead AND active) AS any),
  rcpt AS (
    SELECT g.key, u.id AS user_id
      FROM guard g CROSS JOIN leads
      JOIN users u ON u.active AND CASE g.audience
        WHEN 'unit_officers' THEN u.role = 'officer' AND u.unit_id = g.unit_id
        WHEN 'reviewers' THEN u.role = 'reviewer'
        WHEN 'lead_reviewers' THEN u.role = 'reviewer' AND (u.is_lead OR NOT leads.any)
        ELSE false END
  ),
  r AS (
    INSERT INTO reminders (dedupe_key, kind, day, period_id, submission_id, recipients)
    SELECT g.key, g.kind, g.day, g.period_id, g.submission_id, (SELECT count(*) FROM rcpt WHERE rcpt.key = g.key) FROM guard g
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, dedupe_key
  ),
  n AS (
    INSERT INTO notifications (user_id, kind, title, body, link, period_id, submission_id, reminder_id, dedupe_key)
    SELECT rcpt.user_id, g.kind, g.title, g.body, g.link, g.period_id, g.submission_id, r.id, g.key
      FROM r JOIN guard g ON g.key = r.dedupe_key JOIN rcpt ON rcpt.key = g.key
    ON CONFLICT (user_id, dedupe_key) DO NOTHING
    RETURNING id, user_id
  ),
  d AS (
    INSERT INTO email_deliveries (notification_id, to_address)
    SELECT n.id, u.email FROM n JOIN users u ON u.id = n.user_id WHERE $13::boolean AND coalesce(u.email, '') <> ''
    RETURNING id
  )
  SELECT coalesce((SELECT array_agg(key) FROM guard), '{}') AS guarded, coalesce((SELECT array_agg(dedupe_key) FROM r), '{}') AS created,
         coalesce((SELECT array_agg(id) FROM d), '{}') AS deliveries`;

/** E-mails still pending for reminders written earlier (a re-run after a crash queues them again). */
export const PENDING_EMAILS_SQL = `
  SELECT d.id FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
   WHERE n.dedupe_key = ANY($1::text[]) AND d.status = 'pending'`;
