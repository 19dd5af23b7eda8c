/**
 * What every endpoint shares: errors as problem+json, keyset paging, strict JSON and
 * parameter parsing, the body size limit, and how the OpenAPI document describes them.
 */
package org.userstasks.web;
