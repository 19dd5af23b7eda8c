/**
 * What every endpoint shares: errors as problem+json, keyset paging, strict JSON and
 * parameter parsing, the body size limit, and how the OpenAPI document describes them.
 */
@NullMarked
package org.userstasks.web;

import org.jspecify.annotations.NullMarked;
