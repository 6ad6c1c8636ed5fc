-- The unit of the proposal's team, copied from the team when it is proposed, so that the proposals of an
-- area are one indexed statement on the unit's path, without training reading the team module's tables
-- (a team stays on the unit it was set up for). Existing proposals take their team's unit.
ALTER TABLE commendation ADD COLUMN unit_id bigint REFERENCES unit (id);

UPDATE commendation k SET unit_id = t.unit_id FROM team t WHERE t.id = k.team_id;

ALTER TABLE commendation ALTER COLUMN unit_id SET NOT NULL;

CREATE INDEX commendation_unit_idx ON commendation (unit_id);
