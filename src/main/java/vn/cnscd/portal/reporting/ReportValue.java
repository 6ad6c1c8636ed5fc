package vn.cnscd.portal.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One indicator's value in a report, with the explanation a fallen STOCK value needs. */
@Embeddable
public record ReportValue(@Column(name = "value") int value, @Column(name = "explanation") String explanation) {
}
