/**
 * The one-to-many mapping the service does not use: a user that maps its tasks as a
 * collection, with cascades and orphan removal, as most JPA examples show it. Tests build
 * a session factory of their own over these entities to measure the statements that
 * mapping makes the database run (see docs/one-to-many.md).
 * <p>
 * Outside {@code org.userstasks} on purpose: the service's persistence unit scans that
 * package, and these entities must not join it.
 */
package naive;
