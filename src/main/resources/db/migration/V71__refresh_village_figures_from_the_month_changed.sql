-- A change of a report at month P rewrites the village's figure rows from P on, not from January.
--
-- V65 rebuilt whole years: from January of the year of the row in force before P, so that each rebuilt row's year
-- to date could be summed from January. A village head submitting this month's report rewrote the village's year
-- so far, a hundred and more rows, at every submission. The rows before P do not change, and they already hold
-- what the rows from P on need:
--   * the row of each indicator in force just before P (period < P, until >= P, found on the index of
--     (village_id, until)) holds the year to date up to P when it is of P's year: the rows from P on add their
--     year's values to it;
--   * its "until" is the month of the indicator's next row from P on, which is read once those are written.
-- So the rows rewritten are those from P to the end of P's year (the year to date of the later rows of the year
-- moves with P), and the rows in force before P get their "until" again. A statement changing several months of
-- a village (a generator inserting a history) rewrites from the earliest to the end of the latest's year.
CREATE OR REPLACE FUNCTION refresh_village_figures_at(villages bigint[], periods date[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    changed_villages bigint[];
    rebuilt_from     date[];
    rebuilt_until    date[];
BEGIN
    IF cardinality(villages) = 0 THEN
        RETURN;
    END IF;
    SELECT array_agg(c.village_id), array_agg(c.earliest),
           array_agg((date_trunc('year', c.latest) + interval '1 year')::date)
    INTO changed_villages, rebuilt_from, rebuilt_until
    FROM (SELECT village_id, min(period) AS earliest, max(period) AS latest
          FROM unnest(villages, periods) AS change (village_id, period)
          GROUP BY village_id) c;

    DELETE FROM village_figure f
    USING unnest(changed_villages, rebuilt_from, rebuilt_until) AS rebuilt (village_id, from_period, until_period)
    WHERE f.village_id = rebuilt.village_id AND f.period >= rebuilt.from_period
      AND f.period < rebuilt.until_period;

    -- every later report takes part in the windows (the last rewritten row's "until" is the next one sent), but
    -- only the rows up to the end of the latest change's year are written; in the first change's year the year to
    -- date starts from the row in force before it
    INSERT INTO village_figure (village_id, indicator_id, period, value, until, year_to_date)
    SELECT figure.village_id, figure.indicator_id, figure.period, figure.value, figure.until,
           figure.year_to_date + CASE WHEN date_trunc('year', figure.period) = date_trunc('year', figure.from_period)
                                      THEN coalesce(earlier.year_to_date, 0) ELSE 0 END
    FROM (SELECT r.village_id, v.indicator_id, r.period, v.value,
                 coalesce(lead(r.period) OVER history, DATE 'infinity') AS until,
                 sum(v.value) OVER (PARTITION BY r.village_id, v.indicator_id, extract(year FROM r.period)
                                    ORDER BY r.period) AS year_to_date,
                 rebuilt.from_period, rebuilt.until_period
          FROM unnest(changed_villages, rebuilt_from, rebuilt_until) AS rebuilt (village_id, from_period, until_period)
          JOIN village_report r ON r.village_id = rebuilt.village_id AND r.period >= rebuilt.from_period
          JOIN village_report_value v ON v.report_id = r.id
          WHERE village_report_sent(r.status)
          WINDOW history AS (PARTITION BY r.village_id, v.indicator_id ORDER BY r.period)) figure
    LEFT JOIN village_figure earlier
      ON earlier.village_id = figure.village_id AND earlier.indicator_id = figure.indicator_id
     AND earlier.period < figure.from_period AND earlier.until >= figure.from_period
     AND earlier.period >= date_trunc('year', figure.from_period)
    WHERE figure.period < figure.until_period;

    -- the rows in force before the change now last until their indicator's next row, wherever that is
    UPDATE village_figure f
    SET until = in_force.until
    FROM (SELECT old.village_id, old.indicator_id, old.period,
                 coalesce((SELECT min(n.period) FROM village_figure n
                           WHERE n.village_id = old.village_id AND n.indicator_id = old.indicator_id
                             AND n.period >= rebuilt.from_period), DATE 'infinity') AS until
          FROM unnest(changed_villages, rebuilt_from) AS rebuilt (village_id, from_period)
          JOIN village_figure old ON old.village_id = rebuilt.village_id AND old.period < rebuilt.from_period
           AND old.until >= rebuilt.from_period) in_force
    WHERE f.village_id = in_force.village_id AND f.indicator_id = in_force.indicator_id
      AND f.period = in_force.period AND f.until <> in_force.until;
END $$;
