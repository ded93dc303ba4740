package dev.junction.element;

import java.util.function.BiFunction;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Parses one argument value of a given type, like Click's parser classes ({@code IntArg}, {@code BoolArg},
 * ...). {@link ArgTypes} holds Click's standard types; elements may write their own.
 *
 * <p>A failed parse throws {@link IllegalArgumentException}. Its message is reported after the keyword, as
 * in Click ({@code "COUNT: invalid number"}); an exception without a message gives Click's generic
 * {@code "KEYWORD: parse error"}.
 *
 * @param <T> the type of the parsed value
 */
@ConsumerType
public interface ArgParser<T> {
    /**
     * Parses {@code text}, an argument value with its keyword removed.
     *
     * @param args the arguments being read, for context such as {@link Args#resolver()}
     * @throws IllegalArgumentException if {@code text} is not a value of this type
     */
    T parse(String text, Args args);

    /** What the type is called in documentation, as Click's argument type descriptions ({@code "int"}, {@code "IP address"}). */
    String description();

    /** A parser from a description and a function that parses or throws {@link IllegalArgumentException}. */
    static <T> ArgParser<T> of(String description, BiFunction<String, Args, T> parse) {
        return new ArgParser<>() {
            @Override
            public T parse(String text, Args args) {
                return parse.apply(text, args);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
