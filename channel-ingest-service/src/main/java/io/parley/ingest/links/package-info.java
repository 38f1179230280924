/** Web links for visitors: the chat page a link or its QR code opens, and the QR code itself. */
@NullMarked
package io.parley.ingest.links;

import org.jspecify.annotations.NullMarked;
