/**
 * What running the service needs beside the API itself: request ids and the access log,
 * CORS for browser clients.
 */
@NullMarked
package org.userstasks.ops;

import org.jspecify.annotations.NullMarked;
