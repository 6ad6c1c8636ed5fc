package vn.cnscd.portal.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One indicator's value in a report, with the explanation a fallen STOCK value needs; {@code unchanged} when
 * the village head confirmed a STOCK figure as last month's with one tap.
 */
@Embeddable
public record ReportValue(@Column(name = "value") int value, @Column(name = "explanation") String explanation,
		@Column(name = "unchanged") boolean unchanged) {

	public ReportValue(int value, String explanation) {
		this(value, explanation, false);
	}

}
