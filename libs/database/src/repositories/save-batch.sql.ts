/**
 * Saves many submissions' values in ONE statement and one commit: for each save whose version
 * matches and whose submission is editable, bump the version, upsert its values, and append one
 * audit row with the before and after of each changed figure. Saves that do not qualify write
 * nothing; each row of the result is a save that succeeded. Under load this is group commit:
 * concurrent saves share one plan, one round trip and one WAL flush. $13 is the list of editable
 * states, from the domain's state machine (EDITABLE_STATES), so the rule is written once. $14/$15:
 * the values' status (ước / sơ bộ / chính thức) where a save states it, empty arrays when none does.
 */
export const SAVE_BATCH_SQL = `
WITH req AS (
  SELECT r.ord::int - 1 AS idx, r.sid, r.ver, r.actor, $4::jsonb -> (r.ord::int - 1) AS after
  FROM unnest($1::uuid[], $2::int[], $3::uuid[]) WITH ORDINALITY AS r(sid, ver, actor, ord)
),
s AS (
  UPDATE submissions sub SET version = sub.version + 1, updated_at = now()
  FROM req
  WHERE sub.id = req.sid AND sub.version = req.ver AND sub.state = ANY($13::text[])
  RETURNING sub.id, sub.version, req.idx, req.actor, req.after
),
input AS (
  SELECT * FROM unnest($5::int[], $6::text[], $7::numeric[], $8::text[], $9::boolean[], $10::numeric[], $11::boolean[], $12::text[], $14::boolean[], $15::text[])
    AS t(idx, code, num, txt, cum_set, cum, note_set, note, status_set, status)
),
merged AS (
  SELECT s.id AS sid, s.idx, s.actor, i.code, i.num, i.txt,
         CASE WHEN i.cum_set THEN i.cum ELSE v.cumulative_entered END AS cum,
         CASE WHEN i.note_set THEN i.note ELSE v.note END AS note,
         CASE WHEN i.status_set THEN i.status ELSE v.status END AS status,
         v.indicator_code IS NOT NULL AS existed, v.numeric_value AS old_num, v.text_value AS old_txt,
         v.cumulative_entered AS old_cum, v.note AS old_note
  FROM input i
  JOIN s ON s.idx = i.idx
  LEFT JOIN submission_values v ON v.submission_id = s.id AND v.indicator_code = i.code
),
up AS (
  INSERT INTO submission_values (submission_id, indicator_code, numeric_value, text_value, cumulative_entered, note, status, updated_by, updated_at)
  SELECT m.sid, m.code, m.num, m.txt, m.cum, m.note, m.status, m.actor, now() FROM merged m
  ON CONFLICT (submission_id, indicator_code) DO UPDATE
    SET numeric_value = EXCLUDED.numeric_value, text_value = EXCLUDED.text_value,
        cumulative_entered = EXCLUDED.cumulative_entered, note = EXCLUDED.note, status = EXCLUDED.status,
        updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
),
before AS (
  SELECT m.idx,
    jsonb_object_agg(m.code, coalesce(to_jsonb(m.old_num), to_jsonb(m.old_txt))) AS vals,
    jsonb_object_agg(m.code, m.old_note) FILTER (WHERE m.old_note IS NOT NULL) AS notes,
    jsonb_object_agg(m.code, m.old_cum) FILTER (WHERE m.old_cum IS NOT NULL) AS cums
  FROM merged m WHERE m.existed
  GROUP BY m.idx
),
audit AS (
  INSERT INTO audit_log (submission_id, entity_type, entity_id, action, actor_id, before, after)
  SELECT s.id, 'submission', s.id::text, 'values.updated', s.actor,
         jsonb_strip_nulls(jsonb_build_object('values', coalesce(b.vals, '{}'::jsonb), 'notes', b.notes, 'cumulative', b.cums)),
         s.after
  FROM s LEFT JOIN before b ON b.idx = s.idx
)
SELECT idx, version FROM s`;
