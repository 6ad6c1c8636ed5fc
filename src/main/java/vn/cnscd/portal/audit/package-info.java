/**
 * The audit log: who changed what, from which value to which. The modules it may use are declared here, so that
 * ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = {})
package vn.cnscd.portal.audit;

import org.springframework.modulith.ApplicationModule;
