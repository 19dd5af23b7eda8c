/**
 * The shared kernel: the kinds of failure that every feature's domain code raises and the
 * web layer maps to statuses, without either knowing the other.
 */
@NullMarked
package org.userstasks.kernel;

import org.jspecify.annotations.NullMarked;
