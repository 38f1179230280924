/** What routing-service knows of other services' ids (staff, channel accounts), to refuse unknown ones. */
@NullMarked
package io.parley.routing.directory;

import org.jspecify.annotations.NullMarked;
