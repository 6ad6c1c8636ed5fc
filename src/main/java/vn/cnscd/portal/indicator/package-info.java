/**
 * The indicator catalogue and the yearly targets. The modules it may use are declared here, so that
 * ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "area", "audit" })
package vn.cnscd.portal.indicator;

import org.springframework.modulith.ApplicationModule;
