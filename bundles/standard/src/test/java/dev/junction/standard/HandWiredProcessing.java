package dev.junction.standard;

import dev.junction.element.Element;

/**
 * Whether an agnostic port of a hand-wired element ended up push or pull, found by following the connections:
 * what the engine's checks tell a real router's elements ({@code ElementContext.isInputPush}), for the
 * elements {@link TestRouter} wires by hand. The walk follows Click's rule for agnostic ports: an agnostic port takes the processing of the port it is
 * connected to, and an agnostic element passes the processing of its agnostic ports on to its other agnostic
 * ports. A path that ends agnostic everywhere is push, as in Click. Flow codes are not consulted (every
 * input is taken to reach every output), which is exact for the one-input, one-output elements that sit on
 * such paths.
 */
final class HandWiredProcessing {
    private static final char PULL = 'l';
    private static final char AGNOSTIC = 'a';
    /** Bounds the walk: graphs with cycles through agnostic elements end here, as push. */
    private static final int MAX_HOPS = 64;

    private HandWiredProcessing() {
    }

    /** Whether input {@code port} of {@code element} is pulled from (pull context). */
    static boolean isPullInput(Element element, int port) {
        return inputUpstream(element, port, MAX_HOPS) == PULL;
    }

    /** Whether output {@code port} of {@code element} is pulled from (pull context). */
    static boolean isPullOutput(Element element, int port) {
        return outputDownstream(element, port, MAX_HOPS) == PULL;
    }

    /** The processing of an input, looking upstream through agnostic elements. */
    private static char inputUpstream(Element element, int port, int hops) {
        char own = letter(element.processing(), true, port);
        if (own != AGNOSTIC || hops == 0 || !element.input(port).isConnected()) {
            return own;
        }
        Element source = element.input(port).source();
        char upstream = letter(source.processing(), false, element.input(port).sourcePort());
        if (upstream != AGNOSTIC) {
            return upstream;
        }
        for (int input = 0; input < source.inputCount(); input++) {
            char found = inputUpstream(source, input, hops - 1);
            if (found != AGNOSTIC) {
                return found;
            }
        }
        return AGNOSTIC;
    }

    /** The processing of an output, looking downstream through agnostic elements. */
    private static char outputDownstream(Element element, int port, int hops) {
        char own = letter(element.processing(), false, port);
        if (own != AGNOSTIC || hops == 0 || !element.output(port).isConnected()) {
            return own;
        }
        Element target = element.output(port).target();
        char downstream = letter(target.processing(), true, element.output(port).targetPort());
        if (downstream != AGNOSTIC) {
            return downstream;
        }
        for (int output = 0; output < target.outputCount(); output++) {
            char found = outputDownstream(target, output, hops - 1);
            if (found != AGNOSTIC) {
                return found;
            }
        }
        return AGNOSTIC;
    }

    /**
     * The letter of one port in a processing code such as {@code "a/ah"}: the side before or after the slash
     * (a code without a slash applies to both), the last letter standing for the remaining ports.
     */
    static char letter(String code, boolean input, int port) {
        int slash = code.indexOf('/');
        String side = slash < 0 ? code : input ? code.substring(0, slash) : code.substring(slash + 1);
        if (side.isEmpty()) {
            return AGNOSTIC;
        }
        return side.charAt(Math.min(port, side.length() - 1));
    }
}
