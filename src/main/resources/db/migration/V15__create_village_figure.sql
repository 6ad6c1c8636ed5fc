-- Report figures, kept current by the database itself.
--
-- What counts as a sent report is this one function: completeness, timeliness and every figure count a
-- report when it is submitted or approved, and stop counting it when it is returned (ReportStatus.sent()
-- says the same to the pages, and a test holds the two together).
CREATE FUNCTION village_report_sent(status varchar) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN status IN ('SUBMITTED', 'APPROVED');

-- A row per value of a sent village report, with what reading a figure at a month needs, so that no reader
-- has to look through a village's history:
--   until         the next month this village sent a value of the indicator for ('infinity' while none):
--                 the row's value is the village's latest from its period up to the month before until;
--   year_to_date  the sum of the village's sent values of the indicator from January of the row's year up
--                 to its period.
-- A STOCK at month M is the value of the row with period <= M < until; a FLOW's year to date at M is the
-- year_to_date of that row when it is of M's year. Reading a month costs one row per village and indicator.
CREATE TABLE village_figure (
    village_id   bigint  NOT NULL,
    indicator_id bigint  NOT NULL,
    period       date    NOT NULL,
    value        integer NOT NULL,
    until        date    NOT NULL,
    year_to_date bigint  NOT NULL,
    PRIMARY KEY (village_id, indicator_id, period)
);

-- "the rows in force at M" for a village: until > M, then period <= M, from one index range
CREATE INDEX village_figure_village_until_idx ON village_figure (village_id, until) INCLUDE (period);

-- Rebuilds the rows of the given villages from their sent reports: a village's history is a few hundred
-- values at most, so rebuilding it whole is cheaper and surer than patching neighbouring rows. PL/pgSQL keeps
-- the statements' plans between calls; most calls (a draft's values) have no village to rebuild.
CREATE FUNCTION refresh_village_figures(villages bigint[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(villages) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM village_figure WHERE village_id = ANY (villages);
    INSERT INTO village_figure (village_id, indicator_id, period, value, until, year_to_date)
    SELECT r.village_id, v.indicator_id, r.period, v.value,
           coalesce(lead(r.period) OVER history, DATE 'infinity'),
           sum(v.value) OVER (PARTITION BY r.village_id, v.indicator_id, extract(year FROM r.period) ORDER BY r.period)
    FROM village_report r JOIN village_report_value v ON v.report_id = r.id
    WHERE r.village_id = ANY (villages) AND village_report_sent(r.status)
    WINDOW history AS (PARTITION BY r.village_id, v.indicator_id ORDER BY r.period);
END $$;

-- Every change of a report that can change a figure rebuilds its village's rows, in the same transaction and
-- whoever makes it (the services, the demo and scale generators, a fixture): a report that starts or stops
-- counting as sent, moves, or is removed; a value of a sent report added, changed or removed. Statement
-- triggers with transition tables rebuild each village once per statement, however many rows it touched.
CREATE FUNCTION village_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_village_figures(ARRAY(SELECT DISTINCT village_id FROM new_reports
                                          WHERE village_report_sent(status)));
    RETURN NULL;
END $$;

CREATE FUNCTION village_report_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_village_figures(ARRAY(
        SELECT DISTINCT changed.village_id FROM old_reports o JOIN new_reports n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.village_id), (n.village_id)) changed (village_id)
        WHERE village_report_sent(o.status) <> village_report_sent(n.status) OR o.period <> n.period
           OR o.village_id <> n.village_id));
    RETURN NULL;
END $$;

CREATE FUNCTION village_report_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_village_figures(ARRAY(SELECT DISTINCT village_id FROM old_reports
                                          WHERE village_report_sent(status)));
    RETURN NULL;
END $$;

CREATE TRIGGER village_report_inserted AFTER INSERT ON village_report
    REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION village_report_inserted();
CREATE TRIGGER village_report_updated AFTER UPDATE ON village_report
    REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports FOR EACH STATEMENT
    EXECUTE FUNCTION village_report_updated();
CREATE TRIGGER village_report_deleted AFTER DELETE ON village_report
    REFERENCING OLD TABLE AS old_reports FOR EACH STATEMENT EXECUTE FUNCTION village_report_deleted();

CREATE FUNCTION village_report_value_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_village_figures(ARRAY(SELECT DISTINCT r.village_id FROM new_values v
                                          JOIN village_report r ON r.id = v.report_id
                                          WHERE village_report_sent(r.status)));
    RETURN NULL;
END $$;

CREATE FUNCTION village_report_value_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_village_figures(ARRAY(SELECT DISTINCT r.village_id
                                          FROM (SELECT report_id FROM new_values UNION SELECT report_id FROM old_values) v
                                          JOIN village_report r ON r.id = v.report_id
                                          WHERE village_report_sent(r.status)));
    RETURN NULL;
END $$;

CREATE FUNCTION village_report_value_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_village_figures(ARRAY(SELECT DISTINCT r.village_id FROM old_values v
                                          JOIN village_report r ON r.id = v.report_id
                                          WHERE village_report_sent(r.status)));
    RETURN NULL;
END $$;

CREATE TRIGGER village_report_value_inserted AFTER INSERT ON village_report_value
    REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION village_report_value_inserted();
CREATE TRIGGER village_report_value_updated AFTER UPDATE ON village_report_value
    REFERENCING OLD TABLE AS old_values NEW TABLE AS new_values FOR EACH STATEMENT
    EXECUTE FUNCTION village_report_value_updated();
CREATE TRIGGER village_report_value_deleted AFTER DELETE ON village_report_value
    REFERENCING OLD TABLE AS old_values FOR EACH STATEMENT EXECUTE FUNCTION village_report_value_deleted();

SELECT refresh_village_figures(ARRAY(SELECT DISTINCT village_id FROM village_report));
