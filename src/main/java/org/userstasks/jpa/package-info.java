/**
 * What the entities share: their creation and update timestamps, and the version of their
 * row that conditional writes compare.
 */
package org.userstasks.jpa;
