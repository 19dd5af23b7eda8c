/**
 * The guide to the one-to-many mapping (docs/one-to-many.md), checked against the
 * statements the code sends.
 */
package org.userstasks.guide;
