package dev.junction.engine.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against the server, on TCP and on a UNIX-domain socket. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ControlSocketClientTest {
    private FakeRouter router;
    private ControlSocketServer server;

    @BeforeEach
    void start() throws IOException {
        router = new FakeRouter();
        server = ControlSocketServer.openTcp(router, 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void readsAndWritesHandlers() throws Exception {
        try (ControlSocketClient client = ControlSocketClient.connect(server.port())) {
            assertEquals("1.3", client.protocolVersion());
            assertEquals("42", client.read("src.count"));
            client.write("src.rate", "25");
            assertEquals("25", client.read("src.rate"));
            assertEquals("2.1.0-junction", client.read("version"));
        }
    }

    @Test
    void writesAnyTextIncludingSeveralLinesAndBinary() throws Exception {
        String value = "first line\r\nsecond\n\n\0\u00ff\u00e9 last";
        try (ControlSocketClient client = ControlSocketClient.connect(server.port())) {
            client.write("q/queue.capacity", value);
            assertEquals(value, client.read("q/queue.capacity"));
            client.write("src.reset", "");
        }
        assertEquals("0", router.value("src.count"));
    }

    @Test
    void hotconfigErrorsComeBackAsAnException() throws Exception {
        try (ControlSocketClient client = ControlSocketClient.connect(server.port())) {
            client.write("hotconfig", "a :: Idle;\n");
            assertEquals("a :: Idle;\n", client.read("config"));
            ControlSocketException refused = assertThrows(ControlSocketException.class,
                    () -> client.write("hotconfig", "x :: Bogus;\n"));
            assertEquals(ReplyCode.HANDLER_ERROR.number(), refused.code());
            assertEquals(List.of("Write handler 'hotconfig' error:", "config:1: unknown element class 'Bogus'",
                    "config:2: undeclared element 'x'"), refused.messages());
            assertEquals("a :: Idle;\n", client.read("config")); // still in step after the error
        }
    }

    @Test
    void refusalsCarryClicksCodes() throws Exception {
        try (ControlSocketClient client = ControlSocketClient.connect(server.port())) {
            assertEquals(510, assertThrows(ControlSocketException.class, () -> client.read("nosuch.x")).code());
            assertEquals(511, assertThrows(ControlSocketException.class, () -> client.read("src.nosuch")).code());
            assertEquals(530, assertThrows(ControlSocketException.class, () -> client.read("secret.token")).code());
            assertEquals(590, assertThrows(ControlSocketException.class, () -> client.read("broken.fail")).code());
            assertEquals(520, assertThrows(ControlSocketException.class,
                    () -> client.write("src.rate", "fast")).code());
            assertThrows(IllegalArgumentException.class, () -> client.read("src.count extra"));
            assertEquals("42", client.read("src.count"));
        }
    }

    @Test
    void checksHandlers() throws Exception {
        try (ControlSocketClient client = ControlSocketClient.connect(server.port())) {
            assertTrue(client.checkRead("src.count"));
            assertFalse(client.checkWrite("src.count"));
            assertTrue(client.checkWrite("secret.token"));
            assertFalse(client.checkRead("secret.token"));
            assertFalse(client.checkRead("nosuch.x"));
        }
    }

    @Test
    void closeQuitsSoTheServerForgetsTheClient() throws Exception {
        ControlSocketClient client = ControlSocketClient.connect(server.port());
        assertEquals(1, server.clientCount());
        client.close();
        while (server.clientCount() != 0) {
            Thread.sleep(10);
        }
        client.close(); // idempotent
    }

    @Test
    void closeAfterTheServerWentAwayDoesNotThrow() throws Exception {
        ControlSocketClient client = ControlSocketClient.connect(server.port());
        server.close();
        client.close();
    }

    @Test
    void worksOverAUnixDomainSocket(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("junction.sock");
        try (ControlSocketServer unix = ControlSocketServer.openUnix(router, file);
                ControlSocketClient client = ControlSocketClient.connect(file)) {
            client.write("src.rate", "9");
            assertEquals("9", client.read("src.rate"));
            assertEquals(1, unix.clientCount());
        }
    }

    @Test
    void refusesToTalkToSomethingElse() throws Exception {
        try (ServerSocket impostor = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = impostor.accept()) {
                    socket.getOutputStream().write("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test fails on its own if this side breaks
                }
            });
            IOException wrong = assertThrows(IOException.class, () -> ControlSocketClient.connect(impostor.getLocalPort()));
            assertTrue(wrong.getMessage().contains("not a ControlSocket"), wrong.getMessage());
        }
    }
}
