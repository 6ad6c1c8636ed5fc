/**
 * Read only: the quarterly summary as XLSX, PDF and CSV. The modules it may use are declared here, so that
 * ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "area", "audit", "dashboard", "indicator", "reporting", "team", "training" })
package vn.cnscd.portal.export;

import org.springframework.modulith.ApplicationModule;
