package dev.junction.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol on real loopback sockets, reply by reply, against the wording of Click's controlsocket.cc.
 * Every test is bounded: the timeout abandons a blocked test and closing the server then unblocks it.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ControlSocketServerTest {
    private FakeRouter router;
    private ControlSocketServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        router = new FakeRouter();
        server = ControlSocketServer.openTcp(router, 0);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        server.close();
    }

    private Wire connect() throws IOException {
        return connect(server);
    }

    private Wire connect(ControlSocketServer to) throws IOException {
        Wire wire = new Wire(to.address());
        toClose.add(wire);
        return wire.greeted();
    }

    private ControlSocketServer serverWith(ControlSocketSettings settings) throws IOException {
        ControlSocketServer other = ControlSocketServer.openTcp(router,
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), settings);
        toClose.add(other);
        return other;
    }

    /** Waits (bounded by the test's timeout) until the server has no client left. */
    private static void awaitNoClients(ControlSocketServer server) throws InterruptedException {
        while (server.clientCount() != 0) {
            Thread.sleep(10);
        }
    }

    @Test
    void listensOnLoopbackOnTheChosenPort() {
        InetSocketAddress address = (InetSocketAddress) server.address();
        assertTrue(address.getAddress().isLoopbackAddress());
        assertTrue(server.port() > 0);
        assertEquals(address.getPort(), server.port());
    }

    @Test
    void bannerIsTheFirstLine() throws IOException {
        try (Wire wire = new Wire(server.address())) {
            assertEquals("Click::ControlSocket/1.3", wire.line());
        }
    }

    @Test
    void readReturnsDataBlock() throws IOException {
        Wire wire = connect().send("READ src.count\r\n");
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
        assertEquals("42", wire.data());
    }

    @Test
    void readNamesGlobalHandlersThreeWays() throws IOException {
        Wire wire = connect();
        for (String name : List.of("version", ".version", "0.version")) {
            wire.send("READ " + name + "\r\n");
            assertEquals("200 Read handler '" + name + "' OK", wire.oneLine());
            assertEquals("2.1.0-junction", wire.data());
        }
    }

    @Test
    void readNamesElementsByIndexAndByNameWithSlashes() throws IOException {
        Wire wire = connect().send("READ 1.count\r\nREAD q/queue.capacity\r\nGET q/queue.length\r\n");
        assertEquals("200 Read handler '1.count' OK", wire.oneLine());
        assertEquals("42", wire.data());
        assertEquals("200 Read handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals("1000", wire.data());
        assertEquals("200 Read handler 'q/queue.length' OK", wire.oneLine());
        assertEquals("0", wire.data());
    }

    @Test
    void dataBlockCarriesLineBreaksAndBinary() throws Exception {
        String binary = "line one\r\nline two\n\0\u00ff end";
        router.write("q/queue.capacity", binary);
        Wire wire = connect().send("READ q/queue.capacity\r\nREAD version\r\n");
        assertEquals("200 Read handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals(binary, wire.data());
        assertEquals("200 Read handler 'version' OK", wire.oneLine()); // still in step after the data
        assertEquals("2.1.0-junction", wire.data());
    }

    @Test
    void missingElementsAndHandlersHaveTheirOwnCodes() throws IOException {
        Wire wire = connect().send("READ nosuch.count\r\nREAD src.nosuch\r\nREAD nosuch\r\nREAD 99.count\r\n"
                + "WRITE nosuch.x 1\r\nREAD src.\r\n");
        assertEquals("510 No element named 'nosuch'", wire.oneLine());
        assertEquals("511 No handler named 'src.nosuch'", wire.oneLine());
        assertEquals("511 No handler named 'nosuch'", wire.oneLine());
        assertEquals("510 No element named '99'", wire.oneLine());
        assertEquals("510 No element named 'nosuch'", wire.oneLine());
        assertEquals("511 No handler named 'src.'", wire.oneLine());
    }

    @Test
    void wrongDirectionIsPermissionDenied() throws IOException {
        Wire wire = connect().send("READ secret.token\r\nWRITE src.count 3\r\n");
        assertEquals("530 Handler 'secret.token' write-only", wire.oneLine());
        assertEquals("530 Handler 'src.count' read-only", wire.oneLine());
        assertTrue(router.writes().isEmpty());
    }

    @Test
    void readHandlerErrorIsClicks590WithEveryLine() throws IOException {
        Wire wire = connect().send("READ broken.fail\r\n");
        assertEquals(List.of("590-Read handler 'broken.fail' error:", "590-cannot read", "590 second reason"),
                wire.reply());
    }

    @Test
    void readParametersAreRefusedAsClickRefusesThemForHandlersWithout() throws IOException {
        Wire wire = connect().send("READ src.count some params\r\n");
        assertEquals(List.of("590-Read handler 'src.count' error:",
                "590 read handler 'src.count' does not take parameters"), wire.reply());
    }

    @Test
    void readParametersGoToHandlersThatTakeThem() throws IOException {
        Wire wire = connect().send("READ src.echo 18.26.4.7  x\r\nREADDATA src.echo 3\r\nabc");
        assertEquals("200 Read handler 'src.echo' OK", wire.oneLine());
        assertEquals("[18.26.4.7  x]", wire.data());
        assertEquals("200 Read handler 'src.echo' OK", wire.oneLine());
        assertEquals("[abc]", wire.data());
    }

    @Test
    void writeTakesTheRestOfTheLineWithInnerSpacing() throws IOException {
        Wire wire = connect().send("WRITE q/queue.capacity  a  b   c  \r\nSET src.rate 7\r\nWRITE src.reset\r\n");
        assertEquals("200 Write handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals("200 Write handler 'src.rate' OK", wire.oneLine());
        assertEquals("200 Write handler 'src.reset' OK", wire.oneLine());
        assertEquals(List.of("q/queue.capacity=a  b   c", "src.rate=7", "src.reset="), router.writes());
    }

    @Test
    void writeHandlerErrorIs520WithTheHandlersMessage() throws IOException {
        Wire wire = connect().send("WRITE src.rate fast\r\nWRITE broken.fail x\r\n");
        assertEquals(List.of("520-Write handler 'src.rate' error:", "520 rate: expected integer"), wire.reply());
        assertEquals(List.of("520-Write handler 'broken.fail' error:", "520-cannot write", "520 second reason"),
                wire.reply());
    }

    @Test
    void writeDataTakesExactlyNBytesWhateverTheyAre() throws IOException {
        String value = "a\r\nb\rc\n\0\u00ff";
        Wire wire = connect().send("WRITEDATA q/queue.capacity " + value.length() + "\r\n" + value
                + "SETDATA src.rate 2\n12READ q/queue.capacity\r\n");
        assertEquals("200 Write handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals("200 Write handler 'src.rate' OK", wire.oneLine());
        assertEquals("200 Read handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals(value, wire.data());
        assertEquals("12", router.value("src.rate"));
    }

    @Test
    void readDataPassesItsBytesAsParameters() throws IOException {
        Wire wire = connect().send("READDATA src.count 0\r\nREADDATA src.count 3\r\nabc");
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
        assertEquals("42", wire.data());
        assertEquals(List.of("590-Read handler 'src.count' error:",
                "590 read handler 'src.count' does not take parameters"), wire.reply());
    }

    @Test
    void writeUntilStopsAtTheTerminatorIgnoringTrailingSpace() throws IOException {
        Wire wire = connect().send("WRITEUNTIL q/queue.capacity END\r\nline one\r\n  END\nline three  \rEND  \r\n"
                + "READ q/queue.capacity\r\n");
        assertEquals("200 Write handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals("200 Read handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals("line one\r\n  END\nline three  \r", wire.data());
    }

    @Test
    void untilWithoutTerminatorStopsAtABlankLine() throws IOException {
        Wire wire = connect().send("WRITEUNTIL q/queue.capacity\r\nfirst\r\nsecond\r\n   \r\nREADUNTIL src.count\r\n\r\n");
        assertEquals("200 Write handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals("first\r\nsecond\r\n", router.value("q/queue.capacity"));
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
        assertEquals("42", wire.data());
    }

    @Test
    void checkReadAndCheckWrite() throws IOException {
        Wire wire = connect().send("CHECKREAD src.count\r\nCHECKWRITE src.rate\r\nCHECKREAD secret.token\r\n"
                + "CHECKWRITE src.count\r\nCHECKREAD nosuch.x\r\nCHECKWRITE src.nosuch\r\nCHECKREAD\r\n"
                + "CHECKREAD a b\r\ncheckread version\r\n");
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
        assertEquals("200 Write handler 'src.rate' OK", wire.oneLine());
        assertEquals("511 Handler 'secret.token' not readable", wire.oneLine());
        assertEquals("511 Handler 'src.count' not writable", wire.oneLine());
        assertEquals("510 No element named 'nosuch'", wire.oneLine());
        assertEquals("511 No handler named 'src.nosuch'", wire.oneLine());
        assertEquals("500 Wrong number of arguments", wire.oneLine());
        assertEquals("500 Wrong number of arguments", wire.oneLine());
        assertEquals("200 Read handler 'version' OK", wire.oneLine());
    }

    @Test
    void llrpcIsCheckedThenRefused() throws IOException {
        Wire wire = connect().send("LLRPC src#8004fd03\r\nLLRPC src\r\nLLRPC nosuch#12\r\nLLRPC src#12 3\r\nabc"
                + "LLRPC src#12 x\r\nLLRPC\r\nREAD src.count\r\n");
        assertEquals("501 Cannot call LLRPC 'src#8004fd03' remotely", wire.oneLine());
        assertEquals("500 Syntax error in LLRPC name 'src'", wire.oneLine());
        assertEquals("510 No element named 'nosuch'", wire.oneLine());
        assertEquals("501 Cannot call LLRPC 'src#12' remotely", wire.oneLine());
        assertEquals("500 Syntax error in 'llrpc'", wire.oneLine());
        assertEquals("500 Wrong number of arguments", wire.oneLine());
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine()); // the 3 data bytes were consumed
    }

    @Test
    void quitSaysGoodbyeAndCloses() throws IOException {
        Wire wire = connect().send("QUIT\r\nREAD src.count\r\n");
        assertEquals("200 Goodbye!", wire.oneLine());
        assertTrue(wire.atEnd());
    }

    @Test
    void quitWithArgumentsComplainsButStillQuits() throws IOException {
        Wire wire = connect().send("close now\r\n");
        assertEquals("500 Bad command syntax", wire.oneLine());
        assertEquals("200 Goodbye!", wire.oneLine());
        assertTrue(wire.atEnd());
    }

    @Test
    void helpListsTheCommandsOnContinuationLines() throws IOException {
        List<String> help = connect().send("HELP\r\n").reply();
        assertEquals("200-Commands supported:", help.getFirst());
        assertTrue(help.stream().limit(help.size() - 1).allMatch(line -> line.startsWith("200-")));
        assertEquals("200 QUIT                    close connection", help.getLast());
    }

    @Test
    void unknownCommandsAreUnimplementedAndCommandsIgnoreCase() throws IOException {
        Wire wire = connect().send("FROB src.count\r\nread src.count\r\n");
        assertEquals("501 Command 'FROB' unimplemented", wire.oneLine());
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
    }

    @Test
    void missingOrMalformedArgumentsAreSyntaxErrors() throws IOException {
        Wire wire = connect().send("READ\r\nWRITE\r\nWRITEDATA src.rate\r\nREADDATA src.count abc\r\n"
                + "WRITEDATA src.rate -1\r\nWRITEDATA src.rate 99999999999\r\nWRITEUNTIL\r\n");
        assertEquals("500 Wrong number of arguments", wire.oneLine());
        assertEquals("500 Wrong number of arguments", wire.oneLine());
        assertEquals("500 Wrong number of arguments", wire.oneLine());
        assertEquals("500 Syntax error in 'READDATA'", wire.oneLine());
        assertEquals("500 Syntax error in 'WRITEDATA'", wire.oneLine());
        assertEquals("500 Syntax error in 'WRITEDATA'", wire.oneLine());
        assertEquals("500 Wrong number of arguments", wire.oneLine());
    }

    @Test
    void acceptsCrLfAndCrlfLineEndsAndIgnoresBlankLines() throws IOException {
        Wire wire = connect().send("\r\n\n  \rREAD src.count\rREAD src.rate\nREAD version\r\n");
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
        assertEquals("42", wire.data());
        assertEquals("200 Read handler 'src.rate' OK", wire.oneLine());
        assertEquals("10", wire.data());
        assertEquals("200 Read handler 'version' OK", wire.oneLine());
    }

    @Test
    void crlfSplitAcrossPacketsBeforeDataStaysInStep() throws IOException, InterruptedException {
        Wire wire = connect().send("WRITEDATA q/queue.capacity 3\r");
        Thread.sleep(50); // let the server see the CR alone
        wire.send("\nabcREAD q/queue.capacity\r");
        assertEquals("200 Write handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals("200 Read handler 'q/queue.capacity' OK", wire.oneLine()); // answered without the LF
        assertEquals("abc", wire.data());
        wire.send("\nREAD src.count\r\n");
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
    }

    @Test
    void controlAndHighBytesInRepliesArePrintable() throws IOException {
        Wire wire = connect().send("READ a\u0001b\u00ffc.x\r\nZ\u0000\u0007\r\n");
        assertEquals("510 No element named 'a^Ab\\377c'", wire.oneLine());
        assertEquals("501 Command 'Z^@^G' unimplemented", wire.oneLine());
    }

    @Test
    void binaryJunkNeverBreaksTheServer() throws IOException {
        Random random = new Random(20240611L);
        for (int round = 0; round < 20; round++) {
            try (Wire wire = new Wire(server.address())) {
                byte[] junk = new byte[1 + random.nextInt(4000)];
                random.nextBytes(junk);
                wire.send(new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        Wire wire = connect().send("READ src.count\r\n");
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
    }

    @Test
    void overlongLinesAreDiscardedWithAnError() throws IOException {
        ControlSocketServer small = serverWith(new ControlSocketSettings(4, 64, 1024, false));
        Wire wire = connect(small).send("WRITE q/queue.capacity " + "x".repeat(10_000) + "\r\nREAD src.count\r\n");
        assertEquals("500 Line too long (more than 64 bytes)", wire.oneLine());
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
        assertTrue(router.writes().isEmpty());
    }

    @Test
    void oversizedDataIsSkippedAndRefused() throws IOException {
        ControlSocketServer small = serverWith(new ControlSocketSettings(4, 1024, 16, false));
        String big = "y".repeat(5_000);
        Wire wire = connect(small).send("WRITEDATA q/queue.capacity " + big.length() + "\r\n" + big
                + "WRITEUNTIL q/queue.capacity\r\n" + (big + "\r\n").repeat(3) + "\r\n"
                + "READDATA src.count 17\r\n" + "z".repeat(17) + "WRITEDATA q/queue.capacity 16\r\n"
                + "0123456789abcdef");
        assertEquals("521 Data too large for write handler 'q/queue.capacity'", wire.oneLine());
        assertEquals("521 Data too large for write handler 'q/queue.capacity'", wire.oneLine());
        assertEquals("521 Data too large for read handler 'src.count'", wire.oneLine());
        assertEquals("200 Write handler 'q/queue.capacity' OK", wire.oneLine());
        assertEquals(List.of("q/queue.capacity=0123456789abcdef"), router.writes());
    }

    @Test
    void clientHangingUpMidDataChangesNothing() throws Exception {
        try (Wire wire = connect()) {
            wire.send("WRITEDATA q/queue.capacity 100\r\nonly part of it");
        }
        awaitNoClients(server);
        assertTrue(router.writes().isEmpty());
        assertEquals("200 Read handler 'src.count' OK", connect().send("READ src.count\r\n").oneLine());
    }

    @Test
    void inputEndingMidDataOrUntilIsNotEnoughData() throws IOException {
        Wire wire = connect().send("WRITEUNTIL q/queue.capacity END\r\nno terminator\r\n");
        wire.shutdownOutput();
        assertEquals("500 Not enough data", wire.oneLine());
        assertTrue(wire.atEnd());
        Wire other = connect().send("WRITEDATA q/queue.capacity 10\r\nabc");
        other.shutdownOutput();
        assertEquals("500 Not enough data", other.oneLine());
        assertTrue(router.writes().isEmpty());
    }

    @Test
    void lastCommandWithoutLineEndRunsWhenInputEnds() throws IOException {
        Wire wire = connect().send("READ src.count");
        wire.shutdownOutput();
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
        assertEquals("42", wire.data());
        assertTrue(wire.atEnd());
    }

    @Test
    void hotconfigGoesThroughTheGlobalWriteHandler() throws IOException {
        String config = "src :: InfiniteSource\n  -> Discard;\n";
        Wire wire = connect().send("WRITEDATA hotconfig " + config.length() + "\r\n" + config
                + "WRITEUNTIL hotconfig EOF\r\nx :: Bogus;\r\ny -> x;\r\nEOF\r\n");
        assertEquals("200 Write handler 'hotconfig' OK", wire.oneLine());
        assertEquals(config, router.configuration());
        assertEquals(List.of("520-Write handler 'hotconfig' error:", "520-config:1: unknown element class 'Bogus'",
                "520 config:2: undeclared element 'x'"), wire.reply());
        assertEquals(config, router.configuration());
    }

    @Test
    void aFailingRouterCostsOneCommandNotTheConnection() throws IOException {
        Wire wire = connect().send("READ crashy.boom\r\nREAD src.count\r\n");
        assertEquals("590 Internal error: java.lang.IllegalStateException: bug", wire.oneLine());
        assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
    }

    @Test
    void readOnlyServerRefusesWrites() throws IOException {
        ControlSocketServer readOnly = serverWith(ControlSocketSettings.DEFAULTS.withReadOnly(true));
        Wire wire = connect(readOnly).send("WRITE src.rate 5\r\nCHECKWRITE src.rate\r\nCHECKWRITE src.count\r\n"
                + "READ src.rate\r\n");
        assertEquals("530 Permission denied for 'src.rate'", wire.oneLine());
        assertEquals("530 Permission denied for 'src.rate'", wire.oneLine());
        assertEquals("511 Handler 'src.count' not writable", wire.oneLine());
        assertEquals("200 Read handler 'src.rate' OK", wire.oneLine());
        assertTrue(router.writes().isEmpty());
    }

    @Test
    void manyClientsAtOnce() throws Exception {
        int clients = 8;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                results.add(pool.submit(() -> {
                    try (Wire wire = new Wire(server.address()).greeted()) {
                        for (int i = 0; i < 50; i++) {
                            wire.send("WRITE src.rate " + i + "\r\nREAD src.count\r\n");
                            assertEquals("200 Write handler 'src.rate' OK", wire.oneLine());
                            assertEquals("200 Read handler 'src.count' OK", wire.oneLine());
                            assertEquals("42", wire.data());
                        }
                        return 50;
                    }
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(50, result.get());
            }
        }
        assertEquals(clients * 50, router.writes().size());
    }

    @Test
    void clientsBeyondTheLimitAreTurnedAway() throws Exception {
        ControlSocketServer two = serverWith(new ControlSocketSettings(2, 1024, 1024, false));
        connect(two);
        connect(two);
        try (Wire third = new Wire(two.address())) {
            assertEquals("590 Too many connections (at most 2)", third.line());
            assertNull(third.line());
        }
        // An idle client stays; one that leaves frees its place.
        toClose.removeLast().close();
        while (two.clientCount() > 1) {
            Thread.sleep(10);
        }
        connect(two).send("READ src.count\r\n").oneLine();
    }

    @Test
    void closeDisconnectsClientsAndIsIdempotent() throws IOException {
        Wire wire = connect();
        server.close();
        assertTrue(wire.atEnd());
        server.close();
        assertThrows(IOException.class, () -> new Wire(server.address()).line());
    }

    @Test
    void unixDomainSocket(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("click.sock");
        ControlSocketServer unix = ControlSocketServer.openUnix(router, file);
        toClose.add(unix);
        assertTrue(Files.exists(file));
        assertThrows(IllegalStateException.class, unix::port);
        Wire wire = connect(unix).send("WRITE src.rate 3\r\nREAD src.rate\r\n");
        assertEquals("200 Write handler 'src.rate' OK", wire.oneLine());
        assertEquals("200 Read handler 'src.rate' OK", wire.oneLine());
        assertEquals("3", wire.data());
        assertThrows(IOException.class, () -> ControlSocketServer.openUnix(router, file)); // in use
        unix.close();
        assertTrue(wire.atEnd());
        assertFalse(Files.exists(file));
    }
}
