package vn.cnscd.portal.team;

public enum TeamStatus {

	ACTIVE, DISSOLVED

}
