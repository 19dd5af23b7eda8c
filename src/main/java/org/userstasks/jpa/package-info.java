/**
 * What the entities share: their creation and update timestamps.
 */
package org.userstasks.jpa;
