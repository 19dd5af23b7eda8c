/**
 * Users: accounts that own tasks, with their HTTP endpoints.
 */
package org.userstasks.user;
