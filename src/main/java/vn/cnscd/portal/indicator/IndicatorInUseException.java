package vn.cnscd.portal.indicator;

/**
 * The indicator has targets, so its kind and denominator stay as they are: changing them would change the
 * meaning of every target and value already recorded.
 */
class IndicatorInUseException extends RuntimeException {

	private final boolean kindChanged;

	IndicatorInUseException(boolean kindChanged) {
		super("The indicator has targets; its kind and denominator cannot change");
		this.kindChanged = kindChanged;
	}

	boolean kindChanged() {
		return kindChanged;
	}

}
