package vn.cnscd.portal.area;

/**
 * How a unit that closed (or gave a part of itself) went into another: MERGED, the whole of it or what was
 * left of it; PART, some of its villages; ABOLISHED, its level was done away with and its units went to its
 * parent.
 */
public enum SuccessionKind {

	MERGED, PART, ABOLISHED

}
