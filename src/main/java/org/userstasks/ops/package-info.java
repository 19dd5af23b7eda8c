/**
 * What running the service needs beside the API itself: request ids and the access log,
 * CORS for browser clients.
 */
package org.userstasks.ops;
