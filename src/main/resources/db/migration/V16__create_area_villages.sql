-- The villages of some communes as they stood on a date: which village counted in which commune, with its
-- households and adults (the denominators of percentage indicators). Other modules' SQL asks the units tree
-- through this function instead of reading the unit table, so that the tree's history has one place.
-- A unit is in force from valid_from up to the day before valid_to.
CREATE FUNCTION area_villages(communes bigint[], on_date date)
    RETURNS TABLE (village_id bigint, commune_id bigint, households integer, adults integer)
    LANGUAGE sql STABLE AS $$
SELECT u.id, u.parent_id, u.households, u.adults
FROM unit u
WHERE u.parent_id = ANY (communes) AND u.level = 'VILLAGE'
  AND u.valid_from <= on_date AND (u.valid_to IS NULL OR u.valid_to > on_date)
$$;
