package io.parley.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable wire name of an event record, e.g. {@code enquiry.accepted}. The name, never the Java class
 * name, is what travels in the envelope and the {@code parley-event-type} header, so classes may be
 * renamed freely while the wire form stays put.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The wire name: {@code <context>.<what-happened>}, lower case with dashes. */
    String value();

    /** The major version of this event's shape; changes within a version are additive only. */
    int version() default 1;
}
