/**
 * Accounts, roles, sign-in and the security configuration. The modules it may use are declared here, so that
 * ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = { "area", "audit", "offline" })
package vn.cnscd.portal.account;

import org.springframework.modulith.ApplicationModule;
