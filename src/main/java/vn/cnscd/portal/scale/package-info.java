/**
 * Generated data at scale, each part made by the module whose tables it fills. The modules it may use are
 * declared here, so that ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "area", "reporting", "team" })
package vn.cnscd.portal.scale;

import org.springframework.modulith.ApplicationModule;
