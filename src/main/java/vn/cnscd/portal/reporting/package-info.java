/**
 * Village and commune reports, obstacles, ad hoc requests, and the one read path to report figures. The modules
 * it may use are declared here, so that ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "area", "audit", "indicator", "team" })
package vn.cnscd.portal.reporting;

import org.springframework.modulith.ApplicationModule;
