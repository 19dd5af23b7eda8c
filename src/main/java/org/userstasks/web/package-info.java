/**
 * What every endpoint shares: errors as problem+json, keyset paging, strict JSON and
 * parameter parsing, the body size limit.
 */
package org.userstasks.web;
