package org.userstasks.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request body record: the properties of the resource that a client may read but not
 * send in this body. Sending one is refused as "is not writable" rather than "is not a
 * known property" (see {@link JsonErrors}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadOnlyProperties {

	String[] value();

}
