package vn.cnscd.portal.training;

enum TrainingMode {

	IN_PERSON, ONLINE

}
