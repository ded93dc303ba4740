package dev.junction.engine.check;

import static dev.junction.engine.check.Processing.PULL;
import static dev.junction.engine.check.Processing.PUSH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.junction.engine.graph.Diagnostics;
import dev.junction.engine.graph.ElementClassInfo;
import dev.junction.engine.graph.FlatConnection;
import dev.junction.engine.graph.FlatElement;
import dev.junction.engine.graph.FlatRouter;
import dev.junction.engine.graph.Landmark;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RouterChecksTest {
    private static List<String> messages(RouterBuilder builder) {
        Diagnostics diagnostics = new Diagnostics();
        RouterChecks.check(builder.build(), ClickClasses.CATALOG, diagnostics);
        return diagnostics.messages();
    }

    private static CheckedRouter passing(RouterBuilder builder) {
        Diagnostics diagnostics = new Diagnostics();
        CheckedRouter checked = RouterChecks.check(builder.build(), ClickClasses.CATALOG, diagnostics);
        assertEquals(List.of(), diagnostics.messages());
        assertTrue(checked.passed());
        return checked;
    }

    /** Click's test/tools/lexer-03.clicktest, files X, Y and Z, flattened by hand. */
    @Nested
    class Lexer03 {
        @Test
        void twoSourcesIntoOneDiscardAreFine() {
            // i::InfiniteSource -> Print -> d::Discard;
            // InfiniteSource -> Print -> d;
            RouterBuilder x = new RouterBuilder("X")
                    .element("i", "InfiniteSource").element("Print@2", "Print").element("d", "Discard")
                    .chain("i", "Print@2", "d")
                    .line(2).element("InfiniteSource@4", "InfiniteSource").element("Print@5", "Print")
                    .chain("InfiniteSource@4", "Print@5", "d");
            passing(x);
        }

        @Test
        void reusedPushOutput() {
            // i::InfiniteSource -> Print -> d::Discard;
            // i -> Print -> d;
            RouterBuilder y = new RouterBuilder("Y")
                    .element("i", "InfiniteSource").element("Print@2", "Print").element("d", "Discard")
                    .chain("i", "Print@2", "d")
                    .line(2).element("Print@4", "Print")
                    .chain("i", "Print@4", "d");
            assertEquals(List.of("Y:1: illegal reuse of 'i :: InfiniteSource' push output 0"), messages(y));
        }

        @Test
        void unusedOutput() {
            // i::InfiniteSource -> Print -> d::Discard;
            // InfiniteSource -> p::Print;
            RouterBuilder z = new RouterBuilder("Z")
                    .element("i", "InfiniteSource").element("Print@2", "Print").element("d", "Discard")
                    .chain("i", "Print@2", "d")
                    .line(2).element("InfiniteSource@4", "InfiniteSource").element("p", "Print")
                    .chain("InfiniteSource@4", "p");
            assertEquals(List.of("Z:2: 'p :: Print' output 0 unused"), messages(z));
        }
    }

    @Nested
    class Classes {
        @Test
        void unknownClassesAreReportedOnceEachAndStopTheChecks() {
            RouterBuilder b = new RouterBuilder("f")
                    .element("a", "Foo").line(2).element("b", "Print").line(3).element("c", "Foo")
                    .line(4).element("d", "Bar").chain("a", "b");
            assertEquals(List.of("f:1: unknown element class 'Foo'", "f:4: unknown element class 'Bar'"),
                    messages(b));
        }

        @Test
        void badPortCountIsReportedPerElementAndLeavesNoPorts() {
            RouterBuilder b = new RouterBuilder("f").element("s", "InfiniteSource")
                    .line(2).element("x", "BadPortCount").element("y", "BadPortCount").chain("s", "x");
            assertEquals(List.of(
                    "x :: BadPortCount: bad port count",
                    "y :: BadPortCount: bad port count",
                    "f:2: 'x :: BadPortCount' has no input 0"), messages(b));
        }

        @Test
        void badProcessingCodeIsReportedPerElement() {
            RouterBuilder b = new RouterBuilder("f").element("s", "InfiniteSource").element("x", "BadProcessing")
                    .element("d", "Discard").chain("s", "x", "d");
            assertEquals(List.of("x :: BadProcessing: bad processing code"), messages(b));
        }

        @Test
        void badFlowCodeIsReportedWhenAnAgnosticInputNeedsIt() {
            RouterBuilder b = new RouterBuilder("f").element("s", "InfiniteSource").element("x", "BadFlow")
                    .element("d", "Discard").chain("s", "x", "d");
            assertEquals(List.of("'x :: BadFlow' flow code: missing ']'"), messages(b));
        }

        @Test
        void missingStringsMeanClicksDefaults() {
            Diagnostics diagnostics = new Diagnostics();
            FlatRouter router = new RouterBuilder("f").element("e", "Empty").build();
            CheckedRouter checked = RouterChecks.check(router,
                    name -> new ElementClassInfo(name, null, null, null), diagnostics);
            assertTrue(checked.passed());
            assertEquals(0, checked.inputCount(0));
            assertEquals(0, checked.outputCount(0));
        }
    }

    @Nested
    class PortCounts {
        @Test
        void connectionsToMissingPorts() {
            RouterBuilder b = new RouterBuilder("f").element("s", "InfiniteSource").line(2).element("p", "Print")
                    .line(3).element("d", "Discard")
                    .connect("s", 1, "p", 0).connect("p", 0, "d", 0).connect("s", 0, "p", 1);
            assertEquals(List.of(
                    "f:1: 's :: InfiniteSource' has no output 1",
                    "f:2: 'p :: Print' has no input 1"), messages(b));
        }

        @Test
        void bothEndsOfOneConnectionInputFirst() {
            RouterBuilder b = new RouterBuilder("f").element("s", "InfiniteSource").line(2).element("d", "Discard")
                    .connect("s", 1, "d", 2);
            assertEquals(List.of("f:2: 'd :: Discard' has no input 2", "f:1: 's :: InfiniteSource' has no output 1"),
                    messages(b));
        }

        @Test
        void errorsFollowClicksSortedConnectionsWithSwapRemoval() {
            // sorted by input end: a->[1]b (bad), e->c, a->[1]d (bad), e->[2]d (bad). Click replaces a removed
            // connection by the last one, so e->[2]d is reported before a->[1]d.
            RouterBuilder b = new RouterBuilder("f").element("a", "InfiniteSource").line(2).element("b", "Print")
                    .line(3).element("c", "Print").line(4).element("d", "Print").line(5).element("e", "InfiniteSource")
                    .connect("e", 0, "d", 2).connect("a", 0, "d", 1).connect("e", 0, "c", 0).connect("a", 0, "b", 1);
            assertEquals(List.of(
                    "f:2: 'b :: Print' has no input 1",
                    "f:4: 'd :: Print' has no input 2",
                    "f:4: 'd :: Print' has no input 1"), messages(b));
        }

        @Test
        void tooFewPortsAreUnusedPorts() {
            RouterBuilder b = new RouterBuilder("f").element("s", "FromDevice").line(2).element("arpq", "ARPQuerier")
                    .line(3).element("d", "Discard").chain("s", "arpq", "d");
            assertEquals(List.of("f:2: 'arpq :: ARPQuerier' input 1 unused"), messages(b));
        }

        @Test
        void countsAreThoseUsedWithinTheRange() {
            RouterBuilder b = new RouterBuilder("f").element("s", "FromDevice").element("q", "Queue")
                    .element("u", "Unqueue").element("d", "Discard").element("d2", "Discard")
                    .chain("s", "q", "u", "d").connect("q", 1, "d2", 0);
            CheckedRouter checked = passing(b);
            assertEquals(1, checked.inputCount(1));
            assertEquals(2, checked.outputCount(1));
            assertEquals(0, checked.inputCount(0));
            assertEquals(1, checked.outputCount(0));
        }

        @Test
        void equalsOutputsFollowInputs() {
            RouterBuilder b = new RouterBuilder("f").element("a", "TimedSource").element("b", "TimedSource")
                    .line(2).element("sup", "Suppressor").line(3).element("d", "Discard")
                    .connect("a", 0, "sup", 0).connect("b", 0, "sup", 1).connect("sup", 0, "d", 0);
            assertEquals(List.of("f:2: 'sup :: Suppressor' output 1 unused"), messages(b));
        }

        @Test
        void equalsPlusOutputsExceedInputs() {
            RouterBuilder b = new RouterBuilder("f").element("a", "TimedSource").line(2).element("sw", "ListenEtherSwitch")
                    .line(3).element("d", "Discard").chain("a", "sw", "d");
            assertEquals(List.of("f:2: 'sw :: ListenEtherSwitch' output 1 unused"), messages(b));
        }

        @Test
        void equalsOutputsBeyondInputsDoNotExist() {
            RouterBuilder b = new RouterBuilder("f").element("a", "TimedSource").line(2).element("hub", "Hub")
                    .line(3).element("d", "Discard").element("d2", "Discard")
                    .chain("a", "hub", "d").connect("hub", 1, "d2", 0);
            assertEquals(List.of("f:2: 'hub :: Hub' has no output 1"), messages(b));
        }
    }

    @Nested
    class PushAndPull {
        @Test
        void pushOutputToPullInput() {
            RouterBuilder b = new RouterBuilder("f").element("s", "TimedSource").line(2).element("u", "Unqueue")
                    .element("d", "Discard").chain("s", "u", "d");
            assertEquals(List.of("'s :: TimedSource' push output 0 connected to 'u :: Unqueue' pull input 0"),
                    messages(b));
        }

        @Test
        void pullOutputToPushInput() {
            RouterBuilder b = new RouterBuilder("f").element("s", "InfiniteSource").element("q", "Queue")
                    .element("t", "Tee").element("d", "Discard").chain("s", "q", "t", "d");
            assertEquals(List.of("'q :: Queue' pull output 0 connected to 't :: Tee' push input 0"), messages(b));
        }

        @Test
        void agnosticElementBetweenPushAndPull() {
            RouterBuilder b = new RouterBuilder("f").element("s", "TimedSource").element("n", "Null")
                    .element("u", "Unqueue").element("d", "Discard").chain("s", "n", "u", "d");
            assertEquals(List.of("agnostic 'n :: Null' in mixed context: push input 0, pull output 0"), messages(b));
        }

        @Test
        void agnosticPortsFollowTheirNeighbours() {
            // FromDevice -> Counter -> Queue -> Paint -> Unqueue -> Print -> Discard
            RouterBuilder b = new RouterBuilder("f").element("fd", "FromDevice").element("c", "Counter")
                    .element("q", "Queue").element("p", "Paint").element("u", "Unqueue").element("pr", "Print")
                    .element("d", "Discard").chain("fd", "c", "q", "p", "u", "pr", "d");
            CheckedRouter checked = passing(b);
            assertEquals(PUSH, checked.input(1, 0));
            assertEquals(PUSH, checked.output(1, 0));
            assertEquals(PUSH, checked.input(2, 0));
            assertEquals(PULL, checked.output(2, 0));
            assertEquals(PULL, checked.input(3, 0));
            assertEquals(PULL, checked.output(3, 0));
            assertEquals(PULL, checked.input(4, 0));
            assertEquals(PUSH, checked.output(4, 0));
            assertEquals(PUSH, checked.input(6, 0));
        }

        @Test
        void pullResolvesBackwardsThroughALongChain() {
            RouterBuilder b = new RouterBuilder("f").element("s", "InfiniteSource");
            String[] names = new String[12];
            names[0] = "s";
            for (int i = 1; i <= 10; i++) {
                names[i] = "n" + i;
                b.element(names[i], "Null");
            }
            names[11] = "td";
            b.element("td", "ToDevice").chain(names);
            CheckedRouter checked = passing(b);
            assertEquals(PULL, checked.output(0, 0));
            assertEquals(PULL, checked.input(5, 0));
        }

        @Test
        void unresolvedAgnosticPortsArePush() {
            CheckedRouter checked = passing(new RouterBuilder("f").element("s", "InfiniteSource")
                    .element("d", "Discard").chain("s", "d"));
            assertEquals(PUSH, checked.output(0, 0));
            assertEquals(PUSH, checked.input(1, 0));
        }

        @Test
        void noFlowMeansNoMixedContext() {
            // Idle's flow code x/y: its input and output need not agree
            RouterBuilder b = new RouterBuilder("f").element("s", "TimedSource").element("i", "Idle")
                    .element("u", "Unqueue").element("d", "Discard").chain("s", "i", "u", "d");
            CheckedRouter checked = passing(b);
            assertEquals(PUSH, checked.input(1, 0));
            assertEquals(PULL, checked.output(1, 0));
        }

        @Test
        void hashFlowKeepsPortsApart() {
            // TimedSource -> [0]sup[0] -> Discard; InfiniteSource -> Queue -> [1]sup[1] -> Unqueue -> Discard
            RouterBuilder b = twoLaneRouter("Suppressor");
            CheckedRouter checked = passing(b);
            assertEquals(PUSH, checked.output(2, 0));
            assertEquals(PULL, checked.input(2, 1));
            assertEquals(PULL, checked.output(2, 1));
        }

        @Test
        void completeFlowMixesTheLanes() {
            RouterBuilder b = twoLaneRouter("AnyToAny");
            assertEquals(List.of(
                    "agnostic 'sup :: AnyToAny' in mixed context: push input 0, pull output 1",
                    "agnostic 'sup :: AnyToAny' in mixed context: pull input 1, push output 0"), messages(b));
        }

        private RouterBuilder twoLaneRouter(String middle) {
            return new RouterBuilder("f").element("ts", "TimedSource").element("is", "InfiniteSource")
                    .element("sup", middle).element("q", "Queue").element("u", "Unqueue")
                    .element("d0", "Discard").element("d1", "Discard")
                    .connect("ts", 0, "sup", 0).connect("sup", 0, "d0", 0)
                    .chain("is", "q").connect("q", 0, "sup", 1).connect("sup", 1, "u", 0).chain("u", "d1");
        }

        @Test
        void bypassSecondInputOnlyReachesFirstOutput() {
            // pull into Bypass input 1, whose packets can only leave on output 0; push into input 0
            RouterBuilder b = new RouterBuilder("f").element("ts", "TimedSource").element("is", "InfiniteSource")
                    .element("q", "Queue").element("by", "Bypass").element("u", "Unqueue")
                    .element("d0", "Discard").element("d1", "Discard")
                    .connect("ts", 0, "by", 0).chain("is", "q").connect("q", 0, "by", 1)
                    .connect("by", 0, "u", 0).connect("by", 1, "d1", 0).chain("u", "d0");
            assertEquals(List.of(
                    "agnostic 'by :: Bypass' in mixed context: push input 0, pull output 0"), messages(b));
        }

        @Test
        void everyConflictIsReportedInClicksSweepOrder() {
            // sorted by input end: s1->u1 (conflict, pass 0), s2->n, n->u2, then agnostic link n
            RouterBuilder b = new RouterBuilder("f").element("u1", "Unqueue").element("n", "Null")
                    .element("u2", "Unqueue").element("s1", "TimedSource").element("s2", "TimedSource")
                    .element("d1", "Discard").element("d2", "Discard")
                    .chain("s1", "u1", "d1").chain("s2", "n", "u2", "d2");
            assertEquals(List.of(
                    "'s1 :: TimedSource' push output 0 connected to 'u1 :: Unqueue' pull input 0",
                    "agnostic 'n :: Null' in mixed context: push input 0, pull output 0"), messages(b));
        }

        @Test
        void pushPullErrorsStopTheChecks() {
            // the unused output of q would be reported by the next stage
            RouterBuilder b = new RouterBuilder("f").element("s", "TimedSource").element("u", "Unqueue")
                    .element("q", "Queue").chain("s", "u", "q");
            assertEquals(List.of("'s :: TimedSource' push output 0 connected to 'u :: Unqueue' pull input 0"),
                    messages(b));
        }
    }

    @Nested
    class Completeness {
        @Test
        void reusedPullInput() {
            RouterBuilder b = new RouterBuilder("f").element("s1", "InfiniteSource").element("s2", "InfiniteSource")
                    .element("q1", "Queue").element("q2", "Queue").line(2).element("u", "Unqueue")
                    .element("d", "Discard").chain("s1", "q1", "u", "d").chain("s2", "q2", "u");
            assertEquals(List.of("f:2: illegal reuse of 'u :: Unqueue' pull input 0"), messages(b));
        }

        @Test
        void reusedPushOutputOfPushElement() {
            RouterBuilder b = new RouterBuilder("f").element("fd", "FromDevice").element("d1", "Discard")
                    .element("d2", "Discard").chain("fd", "d1").chain("fd", "d2");
            assertEquals(List.of("f:1: illegal reuse of 'fd :: FromDevice' push output 0"), messages(b));
        }

        @Test
        void pushInputsAndPullOutputsMayBeShared() {
            // two sources into one push input; RoundRobinSched pulls a queue that two unqueues could not
            RouterBuilder b = new RouterBuilder("f").element("a", "InfiniteSource").element("b", "InfiniteSource")
                    .element("q", "Queue").element("rr", "RoundRobinSched").element("td", "ToDevice")
                    .chain("a", "q", "rr", "td").chain("b", "q").connect("q", 0, "rr", 1);
            CheckedRouter checked = passing(b);
            assertEquals(2, checked.inputCount(3));
        }

        @Test
        void aConnectionWrittenTwiceIsOneConnection() {
            RouterBuilder b = new RouterBuilder("f").element("s", "FromDevice").element("d", "Discard")
                    .chain("s", "d").line(2).chain("s", "d");
            CheckedRouter checked = passing(b);
            assertEquals(1, checked.connections().size());
            assertEquals(1, checked.connections().get(0).landmark().line());
        }

        @Test
        void reuseComesBeforeUnusedInputsBeforeUnusedOutputs() {
            RouterBuilder b = new RouterBuilder("f").line(1).element("t", "Tee").line(2).element("p", "Print")
                    .line(3).element("s", "FromDevice").line(4).element("arpq", "ARPQuerier")
                    .line(5).element("q1", "Queue").line(6).element("q2", "Queue").line(7).element("u", "Unqueue")
                    .line(8).element("d", "Discard")
                    .connect("t", 1, "d", 0).connect("s", 0, "arpq", 0).connect("s", 0, "d", 0)
                    .connect("arpq", 0, "q1", 0).connect("arpq", 1, "q2", 0)
                    .connect("q1", 0, "u", 0).connect("q2", 0, "u", 0).connect("u", 0, "d", 0);
            assertEquals(List.of(
                    "f:7: illegal reuse of 'u :: Unqueue' pull input 0",
                    "f:3: illegal reuse of 's :: FromDevice' push output 0",
                    "f:1: 't :: Tee' input 0 unused",
                    "f:2: 'p :: Print' input 0 unused",
                    "f:4: 'arpq :: ARPQuerier' input 1 unused",
                    "f:1: 't :: Tee' output 0 unused",
                    "f:2: 'p :: Print' output 0 unused"), messages(b));
        }

        @Test
        void everyExtraConnectionIsAReuse() {
            RouterBuilder b = new RouterBuilder("f").element("fd", "FromDevice").element("a", "Discard")
                    .element("b", "Discard").element("c", "Discard").chain("fd", "a").chain("fd", "b").chain("fd", "c");
            assertEquals(List.of(
                    "f:1: illegal reuse of 'fd :: FromDevice' push output 0",
                    "f:1: illegal reuse of 'fd :: FromDevice' push output 0"), messages(b));
        }
    }

    @Nested
    class Connections {
        @Test
        void impossibleNumbersAreReportedAndStopTheChecks() {
            FlatElement s = new FlatElement("s", "InfiniteSource", "", new Landmark("f", 1));
            FlatRouter router = new FlatRouter(List.of(s),
                    List.of(new FlatConnection(0, -1, 3, 0, Landmark.NONE)), List.of());
            Diagnostics diagnostics = new Diagnostics();
            CheckedRouter checked = RouterChecks.check(router, ClickClasses.CATALOG, diagnostics);
            assertEquals(List.of("bad element number '3'", "bad port number '-1'"), diagnostics.messages());
            assertFalse(checked.passed());
            assertEquals(0, checked.outputCount(0));
        }

        @Test
        void anEmptyRouterPasses() {
            CheckedRouter checked = passing(new RouterBuilder("f"));
            assertEquals(List.of(), checked.connections());
        }

        @Test
        void connectionsKeepTheirWrittenOrder() {
            RouterBuilder b = new RouterBuilder("f").element("a", "FromDevice").element("t", "Tee")
                    .element("d1", "Discard").element("d2", "Discard")
                    .connect("t", 1, "d2", 0).connect("a", 0, "t", 0).connect("t", 0, "d1", 0);
            List<FlatConnection> connections = passing(b).connections();
            assertEquals(List.of(1, 0, 1), connections.stream().map(FlatConnection::from).toList());
        }
    }
}
