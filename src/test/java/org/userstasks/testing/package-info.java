/**
 * Shared test support: the database the integration tests run on and its reset before
 * each test, seeding, requests, JSON and statement counts.
 */
package org.userstasks.testing;
