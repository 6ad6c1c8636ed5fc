-- A change of a report rebuilds only the village's figure rows it can move, not the village's whole history.
--
-- Rebuilding a village whole (V15) made each submission cost the village's history: a village reporting for
-- years rewrote hundreds of rows at each submission, and 16 village heads submitting at once waited on it.
-- A change at month P of a village can move only
--   * the rows at P (the report's values start, stop counting or change),
--   * the row of each indicator in force just before P (its "until" is the next month sent), and
--   * the year to date of the rows after P in P's year.
-- So the rows rebuilt are those from January of the year of the earliest such row in force before P, up to the
-- end of P's year: whole years, so that each rebuilt row's year to date sums its year from January, and from the
-- row in force, so that its "until" is right. The rows in force just before P are found on the index of
-- (village_id, until): the rows with period < P and until >= P. A statement changing several months of a village
-- (a generator inserting a history, a village's reports removed) rebuilds from the earliest to the end of the
-- latest's year, which for a whole history is the whole village, as before.
CREATE FUNCTION refresh_village_figures_at(villages bigint[], periods date[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    rebuilt_from     date[];
    rebuilt_until    date[];
BEGIN
    IF cardinality(villages) = 0 THEN
        RETURN;
    END IF;
    SELECT array_agg(c.village_id),
           array_agg(date_trunc('year', least(c.earliest, coalesce(in_force.since, c.earliest)))::date),
           array_agg((date_trunc('year', c.latest) + interval '1 year')::date)
    INTO changed_villages, rebuilt_from, rebuilt_until
    FROM (SELECT village_id, min(period) AS earliest, max(period) AS latest
          FROM unnest(villages, periods) AS change (village_id, period)
          GROUP BY village_id) c
    CROSS JOIN LATERAL (SELECT min(f.period) AS since FROM village_figure f
                        WHERE f.village_id = c.village_id AND f.until >= c.earliest
                          AND f.period < c.earliest) in_force;

    DELETE FROM village_figure f
    USING unnest(changed_villages, rebuilt_from, rebuilt_until) AS rebuilt (village_id, from_period, until_period)
    WHERE f.village_id = rebuilt.village_id AND f.period >= rebuilt.from_period
      AND f.period < rebuilt.until_period;

    -- every later report takes part in the windows (the last rebuilt row's "until" is the next one sent), but
    -- only the rows of the rebuilt years are written
    INSERT INTO village_figure (village_id, indicator_id, period, value, until, year_to_date)
    SELECT village_id, indicator_id, period, value, until, year_to_date
    FROM (SELECT r.village_id, v.indicator_id, r.period, v.value,
                 coalesce(lead(r.period) OVER history, DATE 'infinity') AS until,
                 sum(v.value) OVER (PARTITION BY r.village_id, v.indicator_id, extract(year FROM r.period)
                                    ORDER BY r.period) AS year_to_date,
                 rebuilt.until_period
          FROM unnest(changed_villages, rebuilt_from, rebuilt_until) AS rebuilt (village_id, from_period, until_period)
          JOIN village_report r ON r.village_id = rebuilt.village_id AND r.period >= rebuilt.from_period
          JOIN village_report_value v ON v.report_id = r.id
          WHERE village_report_sent(r.status)
          WINDOW history AS (PARTITION BY r.village_id, v.indicator_id ORDER BY r.period)) figure
    WHERE figure.period < figure.until_period;
END $$;

-- The triggers of V15, now naming the months changed with their villages; the whole-village rebuild goes.
DROP FUNCTION refresh_village_figures(bigint[]);

CREATE OR REPLACE FUNCTION village_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    changed_periods  date[];
BEGIN
    SELECT coalesce(array_agg(village_id), '{}'), coalesce(array_agg(period), '{}')
    INTO changed_villages, changed_periods
    FROM new_reports WHERE village_report_sent(status);
    PERFORM refresh_village_figures_at(changed_villages, changed_periods);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION village_report_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    changed_periods  date[];
BEGIN
    SELECT coalesce(array_agg(changed.village_id), '{}'), coalesce(array_agg(changed.period), '{}')
    INTO changed_villages, changed_periods
    FROM old_reports o JOIN new_reports n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.village_id, o.period), (n.village_id, n.period)) changed (village_id, period)
    WHERE village_report_sent(o.status) <> village_report_sent(n.status) OR o.period <> n.period
       OR o.village_id <> n.village_id;
    PERFORM refresh_village_figures_at(changed_villages, changed_periods);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION village_report_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    changed_periods  date[];
BEGIN
    SELECT coalesce(array_agg(village_id), '{}'), coalesce(array_agg(period), '{}')
    INTO changed_villages, changed_periods
    FROM old_reports WHERE village_report_sent(status);
    PERFORM refresh_village_figures_at(changed_villages, changed_periods);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION village_report_value_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    changed_periods  date[];
BEGIN
    SELECT coalesce(array_agg(r.village_id), '{}'), coalesce(array_agg(r.period), '{}')
    INTO changed_villages, changed_periods
    FROM village_report r WHERE r.id IN (SELECT report_id FROM new_values) AND village_report_sent(r.status);
    PERFORM refresh_village_figures_at(changed_villages, changed_periods);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION village_report_value_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    changed_periods  date[];
BEGIN
    SELECT coalesce(array_agg(r.village_id), '{}'), coalesce(array_agg(r.period), '{}')
    INTO changed_villages, changed_periods
    FROM village_report r
    WHERE r.id IN (SELECT report_id FROM new_values UNION SELECT report_id FROM old_values)
      AND village_report_sent(r.status);
    PERFORM refresh_village_figures_at(changed_villages, changed_periods);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION village_report_value_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    changed_periods  date[];
BEGIN
    SELECT coalesce(array_agg(r.village_id), '{}'), coalesce(array_agg(r.period), '{}')
    INTO changed_villages, changed_periods
    FROM village_report r WHERE r.id IN (SELECT report_id FROM old_values) AND village_report_sent(r.status);
    PERFORM refresh_village_figures_at(changed_villages, changed_periods);
    RETURN NULL;
END $$;
