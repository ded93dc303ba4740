package dev.junction.engine.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Variables visible at one compound nesting depth ({@code define}s and compound formals), chained to the
 * enclosing depths, and Click's expansion of {@code $name}, {@code ${name}}, {@code ${name-default}},
 * {@code ${name[i]}} (the i-th space-separated word), {@code $(...)} in configuration strings.
 */
final class VariableEnvironment {
    /** Click stops expanding variables nested deeper than this (which also ends self-references). */
    private static final int MAX_EXPANSION_DEPTH = 10;

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final VariableEnvironment parent;
    private final int depth;

    VariableEnvironment(VariableEnvironment parent) {
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    int depth() {
        return depth;
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    String value(int i) {
        return values.get(i);
    }

    List<String> values() {
        return values;
    }

    /** The closest enclosing environment (or this) shallower than {@code d}. */
    VariableEnvironment parentOf(int d) {
        VariableEnvironment v = this;
        while (v != null && v.depth >= d) {
            v = v.parent;
        }
        return v;
    }

    boolean defines(String name) {
        return names.contains(name);
    }

    /** Defines {@code name}; returns false if it was already defined here (then overrides if asked). */
    boolean define(String name, String value, boolean override) {
        int i = names.indexOf(name);
        if (i >= 0) {
            if (override) {
                values.set(i, value);
            }
            return false;
        }
        names.add(name);
        values.add(value);
        return true;
    }

    private String lookup(String name) {
        for (VariableEnvironment v = this; v != null; v = v.parent) {
            int i = v.names.indexOf(name);
            if (i >= 0) {
                return v.values.get(i);
            }
        }
        return null;
    }

    /** Expands variables in {@code config} (Click's {@code cp_expand}). */
    String expand(String config) {
        return expand(config, 0);
    }

    private String expand(String config, int nesting) {
        if (config.indexOf('$') < 0) {
            return config;
        }
        int end = config.length();
        int uninterpolated = 0;
        int quote = 0;
        StringBuilder out = new StringBuilder();
        int s = 0;
        scan:
        for (; s < end; s++) {
            char c = config.charAt(s);
            switch (c) {
                case '\\' -> {
                    if (s + 1 < end && quote == '"') {
                        s++;
                    }
                }
                case '\'', '"' -> {
                    if (quote == 0) {
                        quote = c;
                    } else if (quote == c) {
                        quote = 0;
                    }
                }
                case '/' -> {
                    if (s + 1 < end && (config.charAt(s + 1) == '/' || config.charAt(s + 1) == '*') && quote == 0) {
                        s = ConfigStrings.skipCommentSpace(config, s, end) - 1;
                    }
                }
                case '$' -> {
                    if (s + 1 >= end || quote == '\'' || nesting > MAX_EXPANSION_DEPTH) {
                        break;
                    }
                    int beforeDollar = s;
                    String vname;
                    int vtype;
                    boolean expandName = false;
                    char next = config.charAt(s + 1);
                    if (next == '{') {
                        vtype = '{';
                        s += 2;
                        int cstart = s;
                        for (; s < end && config.charAt(s) != '}'; s++) {
                            if (config.charAt(s) == '$') {
                                expandName = true;
                            }
                        }
                        if (s == end) {
                            break scan;
                        }
                        vname = config.substring(cstart, s++);
                    } else if (next == '(') {
                        vtype = '(';
                        int level = 1;
                        int nquote = 0;
                        s += 2;
                        int cstart = s;
                        for (; s < end && level > 0; s++) {
                            char d = config.charAt(s);
                            if (d == '(' && nquote == 0) {
                                level++;
                            } else if (d == ')' && nquote == 0) {
                                level--;
                            } else if (d == '"' || d == '\'') {
                                nquote = nquote == 0 ? d : (nquote == d ? 0 : nquote);
                            } else if (d == '\\' && s + 1 < end && nquote != '\'') {
                                s++;
                            } else if (d == '$' && nquote != '\'') {
                                expandName = true;
                            }
                        }
                        if (s == cstart || config.charAt(s - 1) != ')') {
                            break scan;
                        }
                        vname = config.substring(cstart, s - 1);
                    } else if ((next < 128 && Character.isLetterOrDigit(next)) || next == '_') {
                        vtype = 'a';
                        s++;
                        int cstart = s;
                        while (s < end && ((config.charAt(s) < 128 && Character.isLetterOrDigit(config.charAt(s)))
                            || config.charAt(s) == '_')) {
                            s++;
                        }
                        vname = config.substring(cstart, s);
                    } else if (next == '?' || next == '#' || next == '$') {
                        vtype = 'a';
                        vname = String.valueOf(next);
                        s += 2;
                    } else {
                        break;
                    }
                    out.append(config, uninterpolated, beforeDollar);
                    if (expandName) {
                        vname = expand(vname, nesting + 1);
                    }
                    String text = expandVariable(vname, vtype, nesting);
                    uninterpolated = s;
                    if (text == null) {
                        if (expandName) {
                            out.append(config.charAt(beforeDollar)).append(config.charAt(beforeDollar + 1))
                                .append(vname).append(config.charAt(s - 1));
                        } else {
                            uninterpolated = beforeDollar;
                        }
                    } else if (quote == '"') {
                        String q = ConfigStrings.quote(text);
                        out.append(q, 1, q.length() - 1);
                    } else {
                        out.append(text);
                    }
                    s--;
                }
                default -> {
                }
            }
        }
        if (out.length() == 0) { // Click's quirk: nothing before the tail means no change
            return config;
        }
        out.append(config, Math.min(uninterpolated, end), Math.min(s, end));
        return out.toString();
    }

    /** The value of one variable reference, or null if it is undefined and has no default. */
    private String expandVariable(String var, int vtype, int nesting) {
        String name = var;
        int wordIndex = -1;
        int minus = -1;
        if (vtype == '{') {
            int end = var.length();
            int s = skipSpace(var, 0);
            int nameBegin = s;
            while (s < end && ((var.charAt(s) < 128 && Character.isLetterOrDigit(var.charAt(s))) || var.charAt(s) == '_')) {
                s++;
            }
            int nameEnd = s;
            s = skipSpace(var, s);
            if (s < end && var.charAt(s) == '[') {
                int nstart = skipSpace(var, s + 1);
                int t = nstart;
                while (t < end && Character.isDigit(var.charAt(t)) && t - nstart < 9) {
                    t++;
                }
                if (t > nstart && t < end && var.charAt(t) == ']') {
                    wordIndex = Integer.parseInt(var.substring(nstart, t));
                    s = skipSpace(var, t + 1);
                }
            }
            if (s < end && var.charAt(s) == '-') {
                minus = s;
            }
            name = var.substring(nameBegin, nameEnd);
        }
        String value = lookup(name);
        if (value != null) {
            String expanded = expand(value, nesting + 1);
            if (wordIndex < 0) {
                return expanded;
            }
            String word = "";
            for (; wordIndex >= 0 && (!expanded.isEmpty() || !word.isEmpty()); wordIndex--) {
                String[] shifted = ConfigStrings.shiftSpacevec(expanded);
                word = shifted[0];
                expanded = shifted[1];
            }
            return word;
        } else if (minus >= 0) {
            return expand(var.substring(minus + 1), nesting + 1);
        }
        return null;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && ConfigStrings.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
