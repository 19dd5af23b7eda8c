/**
 * What the entities share: their creation and update timestamps, and the version of their
 * row that conditional writes compare.
 */
@NullMarked
package org.userstasks.jpa;

import org.jspecify.annotations.NullMarked;
