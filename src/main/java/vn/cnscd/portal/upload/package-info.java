/**
 * What every upload passes before it is read: ZIP packages checked before they are unpacked, and the few slots
 * in which uploads are read, one per user and kind. It uses no other module, so that ModularityTests fails on a
 * new one.
 */
@ApplicationModule(allowedDependencies = {})
package vn.cnscd.portal.upload;

import org.springframework.modulith.ApplicationModule;
