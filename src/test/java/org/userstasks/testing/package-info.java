/**
 * Shared test support: the database the integration tests run on, and seeding.
 */
package org.userstasks.testing;
