package vn.cnscd.portal.training;

enum PlanItemStatus {

	PLANNED, IN_PROGRESS, DONE, CANCELLED

}
