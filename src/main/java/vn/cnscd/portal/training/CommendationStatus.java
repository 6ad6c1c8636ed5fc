package vn.cnscd.portal.training;

enum CommendationStatus {

	PROPOSED, APPROVED, REJECTED

}
