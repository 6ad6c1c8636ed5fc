package vn.cnscd.portal.team;

/** Where a member comes from, as the plan lists it; the leader's affiliation is checked by the roster rules. */
public enum Affiliation {

	VILLAGE_HEAD, COMMUNE_CHAIR, YOUTH_UNION, FARMERS_UNION, WOMENS_UNION, VETERANS_ASSOCIATION, PRIMARY_TEACHER,
	LOWER_SECONDARY_TEACHER, UPPER_SECONDARY_TEACHER, COMMUNE_OFFICIAL, RADIO_STATION_HEAD, MASS_ORGANISATION_HEAD,
	OTHER

}
