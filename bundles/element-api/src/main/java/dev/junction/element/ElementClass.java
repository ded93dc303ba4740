package dev.junction.element;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the Click class an element implements, for example {@code @ElementClass("Counter")}.
 *
 * <p>It is a Declarative Services component property type: on an element component it becomes the service
 * property {@value #PROPERTY}, by which the engine adds the class to the language. It is also kept at run
 * time, so {@link Element#className()} reads it outside a framework too. An element component looks like:
 * <pre>{@code
 * @Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
 * @ElementClass("Counter")
 * public final class Counter extends Element { ... }
 * }</pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ElementClass {
    /** Prefix of the service property; with the annotation's name it makes {@value #PROPERTY}. */
    String PREFIX_ = "junction.";

    /** The service property that carries the Click class name. */
    String PROPERTY = "junction.element.class";

    /** The Click class name, for example {@code "Counter"}. */
    String value();
}
