package vn.cnscd.portal.training;

/** What a session taught, as the plan lists the skills a team brings to households. */
enum TrainingTopic {

	PUBLIC_SERVICES, DIGITAL_STORES, E_COMMERCE, E_PAYMENT, VIRTUAL_ASSISTANT, HEALTH_RECORDS, EPIDEMIC_APPS, OTHER

}
