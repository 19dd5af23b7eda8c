/**
 * Users: accounts that own tasks, with their HTTP endpoints.
 */
@NullMarked
package org.userstasks.user;

import org.jspecify.annotations.NullMarked;
