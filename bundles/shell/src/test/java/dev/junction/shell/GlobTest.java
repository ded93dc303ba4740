package dev.junction.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starMatchesAnyRunIncludingDotsAndSlashes() {
        Glob glob = Glob.of("c*.count");
        assertTrue(glob.matches("c1.count"));
        assertTrue(glob.matches("c.count"));
        assertTrue(glob.matches("compound/c1.count"));
        assertFalse(glob.matches("c1.reset"));
        assertFalse(glob.matches("src.count.x"));
    }

    @Test
    void questionMarkMatchesOneCharacter() {
        Glob glob = Glob.of("q?.length");
        assertTrue(glob.matches("q1.length"));
        assertFalse(glob.matches("q.length"));
        assertFalse(glob.matches("q12.length"));
    }

    @Test
    void regexCharactersMatchThemselves() {
        assertTrue(Glob.of("Counter@2.*").matches("Counter@2.count"));
        assertTrue(Glob.of("a(b)+.x").matches("a(b)+.x"));
        assertFalse(Glob.of("a.b").matches("axb"));
    }

    @Test
    void patternsAreTheTextsWithWildcards() {
        assertTrue(Glob.isPattern("*.handlers"));
        assertTrue(Glob.isPattern("c?"));
        assertFalse(Glob.isPattern("c.count"));
    }
}
