package vn.cnscd.portal.team;

public enum Gender {

	MALE, FEMALE

}
