/**
 * The village report on a weak connection: forms kept after their session ended, the service worker, the web app
 * manifest. It uses no other module, so that ModularityTests fails on a new one.
 */
@ApplicationModule(allowedDependencies = {})
package vn.cnscd.portal.offline;

import org.springframework.modulith.ApplicationModule;
