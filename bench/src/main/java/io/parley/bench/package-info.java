/** Benchmarks: each starts what it measures on this machine and prints its figures (median, p99, max). */
@NullMarked
package io.parley.bench;

import org.jspecify.annotations.NullMarked;
