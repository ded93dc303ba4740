/**
 * The Click configuration language: lexer, parser, compound expansion and click-flatten's printer.
 * {@link dev.junction.engine.lang.ClickLanguage} is the entry point.
 */
package dev.junction.engine.lang;
