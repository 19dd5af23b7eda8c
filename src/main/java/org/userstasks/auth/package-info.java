/**
 * Sign-in: bearer tokens stored hashed, throttled failed sign-ins, password hashing and
 * the security configuration; {@link Caller} and {@link Passwords} are used by the rest.
 */
@NullMarked
package org.userstasks.auth;

import org.jspecify.annotations.NullMarked;
