package vn.cnscd.portal.team;

public enum ChatPlatform {

	ZALO, MOCHA, GAPO

}
