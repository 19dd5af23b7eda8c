/**
 * What the entities share: their creation and update timestamps.
 */
@NullMarked
package org.userstasks.jpa;

import org.jspecify.annotations.NullMarked;
