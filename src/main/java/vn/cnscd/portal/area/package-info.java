/**
 * The units tree and the area every access check uses. The modules it may use are declared here, so that
 * ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "audit" })
package vn.cnscd.portal.area;

import org.springframework.modulith.ApplicationModule;
