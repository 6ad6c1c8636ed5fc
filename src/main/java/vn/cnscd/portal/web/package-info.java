/**
 * Layout support, home pages, language, formatting and error pages. The modules it may use are declared here, so
 * that ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "area", "notification", "reporting" })
package vn.cnscd.portal.web;

import org.springframework.modulith.ApplicationModule;
