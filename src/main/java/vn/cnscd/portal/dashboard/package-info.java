/**
 * Read only: the measures of a district's or a commune's month, from reporting's figures. The modules it may use
 * are declared here, so that ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "area", "indicator", "notification", "reporting", "team" })
package vn.cnscd.portal.dashboard;

import org.springframework.modulith.ApplicationModule;
