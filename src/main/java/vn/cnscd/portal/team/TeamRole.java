package vn.cnscd.portal.team;

public enum TeamRole {

	LEADER, DEPUTY, MEMBER

}
