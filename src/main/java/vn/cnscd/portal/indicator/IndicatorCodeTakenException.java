package vn.cnscd.portal.indicator;

/** Codes name indicators in reports and exports, so no two indicators share one. */
class IndicatorCodeTakenException extends RuntimeException {

	IndicatorCodeTakenException(String code) {
		super("Indicator code " + code + " is taken");
	}

}
