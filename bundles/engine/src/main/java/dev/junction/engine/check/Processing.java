package dev.junction.engine.check;

/** How packets move through a port, as in Click: pushed by the upstream end, pulled by the downstream end. */
public enum Processing {
    /** Either; the checks decide from the neighbours (processing code letter {@code a}). */
    AGNOSTIC("agnostic"),
    /** The upstream element pushes packets (processing code letter {@code h}). */
    PUSH("push"),
    /** The downstream element pulls packets (processing code letter {@code l}). */
    PULL("pull");

    private final String word;

    Processing(String word) {
        this.word = word;
    }

    /** The word Click's messages use: {@code push}, {@code pull} or {@code agnostic}. */
    public String word() {
        return word;
    }

    /** The other one of push and pull. */
    Processing opposite() {
        return this == PUSH ? PULL : this == PULL ? PUSH : AGNOSTIC;
    }
}
