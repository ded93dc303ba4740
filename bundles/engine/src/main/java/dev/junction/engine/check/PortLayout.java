package dev.junction.engine.check;

/**
 * How many inputs and outputs each element has, and a global number for every port (Click's "gports"): the
 * inputs of element 0, then those of element 1, and so on; outputs likewise. Per-port facts live in flat
 * arrays indexed by these numbers.
 */
final class PortLayout {
    private final int[] inputStart;
    private final int[] outputStart;

    /** A layout from per-element counts. */
    PortLayout(int[] inputCounts, int[] outputCounts) {
        inputStart = starts(inputCounts);
        outputStart = starts(outputCounts);
    }

    private static int[] starts(int[] counts) {
        int[] starts = new int[counts.length + 1];
        for (int e = 0; e < counts.length; e++) {
            starts[e + 1] = starts[e] + counts[e];
        }
        return starts;
    }

    int inputCount(int element) {
        return inputStart[element + 1] - inputStart[element];
    }

    int outputCount(int element) {
        return outputStart[element + 1] - outputStart[element];
    }

    /** Global number of input {@code port} of {@code element}. */
    int input(int element, int port) {
        return inputStart[element] + port;
    }

    /** Global number of output {@code port} of {@code element}. */
    int output(int element, int port) {
        return outputStart[element] + port;
    }

    int totalInputs() {
        return inputStart[inputStart.length - 1];
    }

    int totalOutputs() {
        return outputStart[outputStart.length - 1];
    }
}
