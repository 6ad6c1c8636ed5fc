/**
 * Training sessions and their attendees, teams' yearly activity plans, commendation proposals. Teams and
 * members are read through the team module's API ({@code TeamDirectory}), never its tables; the
 * dependencies below are all the module may use, so that verifying the modules catches a new one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "area", "audit", "team", "upload" })
package vn.cnscd.portal.training;
