package vn.cnscd.portal.indicator;

/** The three pillars of digital transformation an indicator belongs to, in the plan's order. */
public enum Pillar {

	CHINH_QUYEN_SO, KINH_TE_SO, XA_HOI_SO

}
