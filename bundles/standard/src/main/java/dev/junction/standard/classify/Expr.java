package dev.junction.standard.classify;

/**
 * A parsed classification expression: word tests combined with and, or, not and the ternary operator.
 *
 * <p>A {@link Test} compares 32 bits of packet data, ANDed with a mask, with a value. The data is read at a byte
 * offset from one of the {@linkplain Base bases} (the packet data, its MAC, network or transport header). A test
 * whose masked bytes are not all in the packet is <em>short</em>: its result is then {@code shortYes}, which lets
 * {@code not} and {@code !=} differ on short packets as in Click ({@code not (x == 0)} matches a short packet,
 * {@code x != 0} does not).
 */
public sealed interface Expr {

    /** Where a test's offset counts from. */
    enum Base {
        /** The first byte of packet data (Classifier). */
        DATA,
        /** Two bytes before the MAC header, as Click's IPFilter: the destination is bytes 2-7, the source 8-13. */
        MAC,
        /** The network header (IPFilter). */
        NET,
        /** The transport header: the network header plus its length (IPFilter). */
        TRANSP
    }

    /** Always {@code value}. */
    record Const(boolean value) implements Expr {
    }

    /** {@code (word at base+offset) & mask == value}; {@code shortYes} if the masked bytes are past the end. */
    record Test(Base base, int offset, int mask, int value, boolean shortYes) implements Expr {
        public Test {
            value &= mask;
        }

        /** Bytes from the word's start that must be present: up to the last byte the mask touches. */
        public int need() {
            return need(mask);
        }

        static int need(int mask) {
            if ((mask & 0xFF) != 0) {
                return 4;
            } else if ((mask & 0xFF00) != 0) {
                return 3;
            } else if ((mask & 0xFF0000) != 0) {
                return 2;
            } else {
                return mask != 0 ? 1 : 0;
            }
        }
    }

    /** Logical negation (short tests inside keep their {@code shortYes}, so the short outcome flips too). */
    record Not(Expr operand) implements Expr {
    }

    /** Both. */
    record And(Expr left, Expr right) implements Expr {
    }

    /** Either. */
    record Or(Expr left, Expr right) implements Expr {
    }

    /** {@code condition ? then : otherwise}. */
    record Ternary(Expr condition, Expr then, Expr otherwise) implements Expr {
    }

    Expr TRUE = new Const(true);
    Expr FALSE = new Const(false);

    /** {@code a and b}, where a missing (null) operand is left out. */
    static Expr and(Expr a, Expr b) {
        return a == null ? b : b == null ? a : new And(a, b);
    }

    /**
     * Negates {@code e} keeping the outcome of short packets (Click's negation with {@code flip_short}): used for
     * {@code !=} and the other negated relations, which never match a packet too short to hold the field.
     */
    static Expr negateKeepingShort(Expr e) {
        return new Not(flipShort(e));
    }

    private static Expr flipShort(Expr e) {
        return switch (e) {
            case Test t -> new Test(t.base(), t.offset(), t.mask(), t.value(), !t.shortYes());
            case Const c -> c;
            case Not n -> new Not(flipShort(n.operand()));
            case And a -> new And(flipShort(a.left()), flipShort(a.right()));
            case Or o -> new Or(flipShort(o.left()), flipShort(o.right()));
            case Ternary t -> new Ternary(flipShort(t.condition()), flipShort(t.then()), flipShort(t.otherwise()));
        };
    }
}
