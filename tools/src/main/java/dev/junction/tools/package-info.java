/**
 * Click's command-line tools on Junction's engine: {@code click} and {@code click-flatten}, with Click's
 * options, run on a plain class path so that they start in a fraction of a second.
 */
package dev.junction.tools;
