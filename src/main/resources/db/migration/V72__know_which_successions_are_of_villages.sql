-- The villages of an area follow, besides those in force, the villages that merged into them (area_villages). The
-- planner cannot tell those village merges from the communes' and districts': after a national round (3,500
-- communes merged, 700 districts abolished) it expected 11,237 lineage rows for a district's 111 villages, and
-- read the whole unit table for them (the district's statement of 0.8 ms took 13 to 21 ms). A succession now says
-- the level of the unit that closed, so that the village lineage reads, and the planner counts, village merges
-- alone.
ALTER TABLE unit_succession ADD COLUMN predecessor_level varchar(16);
UPDATE unit_succession s SET predecessor_level = u.level FROM unit u WHERE u.id = s.predecessor_id;
ALTER TABLE unit_succession ALTER COLUMN predecessor_level SET NOT NULL;
ALTER TABLE unit_succession ADD CONSTRAINT unit_succession_predecessor_level_check
    CHECK (predecessor_level IN ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE'));
-- the village merges alone, which a village's lineage looks up (a handful among thousands of communes' and
-- districts' successions)
CREATE INDEX unit_succession_village_idx ON unit_succession (successor_id) WHERE predecessor_level = 'VILLAGE';

CREATE OR REPLACE FUNCTION area_villages(communes bigint[], on_date date)
    RETURNS TABLE (village_id bigint, commune_id bigint, households integer, adults integer, closed_on date)
    LANGUAGE sql STABLE AS $$
WITH RECURSIVE lineage (village_id, commune_id) AS (
    SELECT v.unit_id, v.parent_id
    FROM unit_version v
    WHERE v.parent_id = ANY (communes) AND v.level = 'VILLAGE'
      AND v.valid_from <= on_date AND (v.valid_to IS NULL OR v.valid_to > on_date)
    UNION ALL
    SELECT s.predecessor_id, l.commune_id
    FROM lineage l
    JOIN unit_succession s ON s.successor_id = l.village_id AND s.predecessor_level = 'VILLAGE'
         AND s.kind = 'MERGED' AND s.effective_on <= on_date
)
SELECT l.village_id, l.commune_id, u.households, u.adults, u.valid_to
FROM lineage l JOIN unit u ON u.id = l.village_id
$$;
