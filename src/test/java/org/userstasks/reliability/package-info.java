/**
 * Tests of the contract's integrity guarantees: races, crashes, stops, limits and fuzzed
 * input.
 */
package org.userstasks.reliability;
