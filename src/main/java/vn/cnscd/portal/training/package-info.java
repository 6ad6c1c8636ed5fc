/**
 * Training sessions, activity plans and commendation proposals; team facts through team's API. The modules it
 * may use are declared here, so that ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "account", "area", "audit", "team" })
package vn.cnscd.portal.training;

import org.springframework.modulith.ApplicationModule;
