package dev.junction.element;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An element class's documentation, kept in the class's own file and readable at run time, so the shell can
 * print it for any installed class. It follows the sections of Click's element documentation.
 * {@link ElementDocs#format(Class)} renders it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ElementDoc {
    /** How the class is written in a configuration, for example {@code "Queue([CAPACITY])"}. */
    String synopsis();

    /** Click's category of the class, for example {@code "basicsources"} or {@code "tunnels"}. */
    String category() default "";

    /** One sentence saying what the element does. */
    String summary();

    /** What the element does, in full, with its ports and processing. */
    String description() default "";

    /** The arguments, positional ones first. */
    Argument[] arguments() default {};

    /** The handlers the element adds beyond the default ones. */
    Handler[] handlers() default {};

    /** A short configuration that uses the element. */
    String example() default "";

    /** Related classes. */
    String[] seeAlso() default {};

    /** One argument: its keyword and what it means, with its type and default. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Argument {
        /** The keyword, for example {@code "CAPACITY"}. */
        String name();

        /** What it means, its type and default. */
        String description();
    }

    /** One handler: its name, whether it is read, write or both, and what it does. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Handler {
        /** The handler's name, for example {@code "count"}. */
        String name();

        /**
         * {@code "read-only"}, {@code "write-only"}, {@code "read/write"} or {@code "read with parameters"} (a
         * read handler that takes a parameter), as in Click's manual pages.
         */
        String mode() default "read-only";

        /** What reading or writing it does. */
        String description();
    }
}
