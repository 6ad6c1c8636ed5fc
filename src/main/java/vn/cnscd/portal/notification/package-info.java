/**
 * Notifications: the events of the other modules turned into messages in the portal and out of it (Web Push,
 * e-mail, a webhook), and the reminders of reports due. The modules it may use are declared here, so that
 * ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "account", "area", "reporting", "team" })
package vn.cnscd.portal.notification;

import org.springframework.modulith.ApplicationModule;
