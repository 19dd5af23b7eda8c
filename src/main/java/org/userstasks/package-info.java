/**
 * Users and their tasks: a one-to-many REST service.
 */
package org.userstasks;
