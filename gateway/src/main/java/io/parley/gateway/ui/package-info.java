/**
 * The browser front ends the gateway serves as static files: the agent console at {@code /console/} and the
 * visitor widget under {@code /widget/}, each with a Content-Security-Policy that allows no inline script.
 */
@NullMarked
package io.parley.gateway.ui;

import org.jspecify.annotations.NullMarked;
