package vn.cnscd.portal.notification;

/** The ways out of the portal. */
enum DeliveryChannel {

	PUSH, EMAIL, WEBHOOK

}
