package vn.cnscd.portal.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reminders' calendar and the delivery of due messages run on schedules; their settings are properties. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ NotificationProperties.class, ReminderProperties.class })
class NotificationConfig {

}
