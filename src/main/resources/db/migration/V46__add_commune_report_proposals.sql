-- A commune's proposals (đề xuất, kiến nghị) to the committee, beside its obstacles: the committee's report
-- lists them with the villages'.
ALTER TABLE commune_report ADD COLUMN proposals text;
