/** HTTP errors as RFC 9457 problem details with a stable code. */
@NullMarked
package io.parley.kit.web;

import org.jspecify.annotations.NullMarked;
