package vn.cnscd.portal.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines: a village's monthly report is due by {@code villageDueDay} of the next month, a commune's by
 * {@code communeDueDay}; a report sent after the end of that day in Asia/Ho_Chi_Minh is late. A village head
 * writes the reports of the last {@code windowMonths} months ({@link ReportableMonths}).
 */
@ConfigurationProperties("portal.reporting")
record ReportingProperties(int villageDueDay, int communeDueDay, int windowMonths) {

	ReportingProperties {
		if (villageDueDay < 1 || villageDueDay > 28) {
			villageDueDay = 5;
		}
		if (communeDueDay < 1 || communeDueDay > 28) {
			communeDueDay = 10;
		}
		if (windowMonths < 1) {
			windowMonths = 12;
		}
	}

}
