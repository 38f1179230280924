/** Each service's own MongoDB database, reached with the plain sync driver. */
@NullMarked
package io.parley.kit.mongo;

import org.jspecify.annotations.NullMarked;
