/**
 * Teams, members, rosters and the steering committee. The modules it may use are declared here, so that
 * ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "account", "area", "audit", "upload" })
package vn.cnscd.portal.team;

import org.springframework.modulith.ApplicationModule;
