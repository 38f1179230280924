/** The visitor widget on other sites: which origins may call the visitor API through the gateway (CORS). */
@NullMarked
package io.parley.gateway.widget;

import org.jspecify.annotations.NullMarked;
